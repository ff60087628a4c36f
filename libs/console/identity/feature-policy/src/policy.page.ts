import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { messageOf, RequestState, SessionStore, type Gql } from '@keyward/console/shared/data-access';
import { PageState } from '@keyward/console/shared/ui';
import { PolicyApi, type PolicyChange, type TenantPolicy } from '@keyward/console/identity/data-access';

const SCOPES: Gql.AppPasswordScope[] = ['imap', 'pop', 'smtp', 'http'];

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

  private edit(policy: TenantPolicy): void {
    this.draft.set({ ...policy });
    this.isIdleRevocationOn = policy.idleRevocationDays !== null;
    this.idleDays = policy.idleRevocationDays ?? 90;
    this.chosen = Object.fromEntries(SCOPES.map((scope) => [scope, policy.allowedScopes.includes(scope)]));
  }
}
