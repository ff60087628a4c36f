import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf, RequestState, SessionStore } from '@keyward/console/shared/data-access';
import { PageState } from '@keyward/console/shared/ui';

export interface TenantPolicy {
  maxActivePerUser: number;
  maxLifetimeDays: number;
  idleRevocationDays: number | null;
  allowedScopes: string[];
  isMfaRequired: boolean;
  revokesOnPasswordReset: boolean;
  revokesOnDisable: boolean;
}

interface PolicyChange {
  id: string;
  occurredAt: string;
  actorName: string;
}

const FIELDS = 'maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable';
const POLICY = `query Policy { tenantPolicy { ${FIELDS} } }`;
const CHANGES = `query PolicyChanges { auditEvents(filter: { types: ["TenantPolicyChanged"] }, first: 200) { totalCount edges { node { id occurredAt actorName } } } }`;
const CHANGE = `mutation ChangePolicy($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ${FIELDS} } }`;
const SCOPES = ['imap', 'pop', 'smtp', 'http'];

/** The tenant's rules for app passwords: whoever holds policy.change changes them; the other tenant readers read them. */
@Component({
  selector: 'kw-policy-page',
  imports: [DatePipe, FormsModule, PageState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './policy.page.html',
})
export class PolicyPage implements OnInit {
  protected readonly session = inject(SessionStore);
  private readonly graphql = inject(GraphQLClient);
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
      const { tenantPolicy } = await this.graphql.request<{ tenantPolicy: TenantPolicy }>(POLICY);
      this.edit(tenantPolicy);
      if (this.session.can('auditTrail.read')) {
        const data = await this.graphql.request<{ auditEvents: { edges: { node: PolicyChange }[] } }>(CHANGES);
        this.changes.set(data.auditEvents.edges.map((edge) => edge.node).reverse());
      }
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
        idleRevocationDays: this.isIdleRevocationOn ? Number(this.idleDays) : null,
        allowedScopes: SCOPES.filter((scope) => this.chosen[scope]),
      };
      const { changeTenantPolicy } = await this.graphql.request<{ changeTenantPolicy: TenantPolicy }>(CHANGE, { input });
      this.edit(changeTenantPolicy);
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
