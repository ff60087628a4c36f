import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { messageOf, RequestState, SessionStore, type Gql } from '@keyward/console/shared/data-access';
import { PageState } from '@keyward/console/shared/ui';
import { PolicyApi, type MailServers, type MailServersInput, type PolicyChange, type TenantPolicy } from '@keyward/console/identity/data-access';

const SCOPES: Gql.AppPasswordScope[] = ['imap', 'pop', 'smtp', 'http'];
const ROLES: Gql.Role[] = ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER', 'AUDITOR', 'USER'];
type ServerKey = 'imap' | 'pop' | 'submission';
type ServerDraft = Record<ServerKey, { host: string; port: number; security: Gql.MailSecurity }>;
const SERVER_KINDS: { key: ServerKey; title: string; placeholder: string; port: number; security: Gql.MailSecurity }[] = [
  { key: 'imap', title: 'IMAP (receiving)', placeholder: 'imap.contoso.com', port: 993, security: 'SSL' },
  { key: 'pop', title: 'POP3 (receiving)', placeholder: 'pop.contoso.com', port: 995, security: 'SSL' },
  { key: 'submission', title: 'SMTP submission (sending)', placeholder: 'smtp.contoso.com', port: 587, security: 'STARTTLS' },
];

/** The tenant's rules for app passwords: whoever holds policy.change changes them; the other tenant readers read them. */
@Component({
  selector: 'kw-policy-page',
  imports: [DatePipe, FormsModule, PageState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './policy.page.html',
})
export class PolicyPage implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(PolicyApi);
  protected readonly scopes = SCOPES;
  protected readonly roles = ROLES;
  protected readonly serverKinds = SERVER_KINDS;
  protected readonly servers = signal<MailServers | null>(null);
  protected readonly serversError = signal('');
  protected readonly serversSaved = signal('');
  protected serverDraft = draftOf(null);
  protected mfaRoles: Record<string, boolean> = {};
  protected readonly draft = signal<TenantPolicy | null>(null);
  protected readonly changes = signal<PolicyChange[]>([]);
  protected readonly request = new RequestState(true);
  protected readonly isSaving = signal(false);
  protected readonly saveError = signal('');
  protected readonly saved = signal('');
  protected isIdleRevocationOn = true;
  protected idleDays = 90;
  protected chosen: Record<string, boolean> = {};

  ngOnInit(): void {
    void this.load();
  }

  protected load(): Promise<void> {
    return this.request.run(async () => {
      this.edit(await this.api.get());
      this.editServers(await this.api.mailServers());
      if (this.session.can('auditTrail.read')) this.changes.set(await this.api.changes());
    });
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    this.isSaving.set(true);
    this.saveError.set('');
    this.saved.set('');
    try {
      const input: TenantPolicy = {
        ...draft,
        maxActivePerUser: Number(draft.maxActivePerUser),
        maxLifetimeDays: Number(draft.maxLifetimeDays),
        maxApiTokenDays: Number(draft.maxApiTokenDays),
        idleRevocationDays: this.isIdleRevocationOn ? Number(this.idleDays) : null,
        allowedScopes: SCOPES.filter((scope) => this.chosen[scope]),
        consoleMfaRoles: ROLES.filter((role) => this.mfaRoles[role]),
        mfaGraceDays: Number(draft.mfaGraceDays),
      };
      this.edit(await this.api.change(input));
      this.saved.set('Saved. The new policy applies from now on.');
      await this.load();
    } catch (error) {
      this.saveError.set(messageOf(error));
    } finally {
      this.isSaving.set(false);
    }
  }

  protected async saveServers(): Promise<void> {
    this.isSaving.set(true);
    this.serversError.set('');
    this.serversSaved.set('');
    try {
      const server = (key: ServerKey) => {
        const { host, port, security } = this.serverDraft[key];
        return host.trim() ? { host: host.trim(), port: Number(port), security } : null;
      };
      const input: MailServersInput = { imap: server('imap'), pop: server('pop'), submission: server('submission') };
      this.editServers(await this.api.changeMailServers(input));
      this.serversSaved.set('Saved. Autoconfig, profiles and set-up steps name these servers from now on.');
    } catch (error) {
      this.serversError.set(messageOf(error));
    } finally {
      this.isSaving.set(false);
    }
  }

  private editServers(servers: MailServers): void {
    this.servers.set(servers);
    this.serverDraft = draftOf(servers);
  }

  private edit(policy: TenantPolicy): void {
    this.draft.set({ ...policy });
    this.isIdleRevocationOn = policy.idleRevocationDays !== null;
    this.idleDays = policy.idleRevocationDays ?? 90;
    this.chosen = Object.fromEntries(SCOPES.map((scope) => [scope, policy.allowedScopes.includes(scope)]));
    this.mfaRoles = Object.fromEntries(ROLES.map((role) => [role, policy.consoleMfaRoles.includes(role)]));
  }
}

/** The form's values for each kind of server: the tenant's, or an empty host with the usual port. */
function draftOf(servers: MailServers | null): ServerDraft {
  const entry = (kind: (typeof SERVER_KINDS)[number]) => {
    const server = servers?.[kind.key];
    return server ? { host: server.host, port: server.port, security: server.security } : { host: '', port: kind.port, security: kind.security };
  };
  return Object.fromEntries(SERVER_KINDS.map((kind) => [kind.key, entry(kind)])) as ServerDraft;
}
