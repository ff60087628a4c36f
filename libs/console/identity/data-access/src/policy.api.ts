import { inject, Injectable } from '@angular/core';
import { GraphQLClient } from '@keyward/console/shared/data-access';

export interface TenantPolicy {
  maxActivePerUser: number;
  maxLifetimeDays: number;
  idleRevocationDays: number | null;
  allowedScopes: string[];
  isMfaRequired: boolean;
  revokesOnPasswordReset: boolean;
  revokesOnDisable: boolean;
  maxApiTokenDays: number;
  isPasswordSignInAllowed: boolean;
}

/** A recorded change of the policy: when, and by whom. */
export interface PolicyChange {
  id: string;
  occurredAt: string;
  actorName: string;
}

const FIELDS = 'maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays isPasswordSignInAllowed';
const POLICY = `query Policy { tenantPolicy { ${FIELDS} } }`;
const CHANGES = `query PolicyChanges { auditEvents(filter: { types: ["TenantPolicyChanged"] }, first: 200) { totalCount edges { node { id occurredAt actorName } } } }`;
const CHANGE = `mutation ChangePolicy($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ${FIELDS} } }`;

/** The tenant policy operations of the API, typed. */
@Injectable({ providedIn: 'root' })
export class PolicyApi {
  private readonly graphql = inject(GraphQLClient);

  async get(): Promise<TenantPolicy> {
    return (await this.graphql.request<{ tenantPolicy: TenantPolicy }>(POLICY)).tenantPolicy;
  }

  /** Records the new policy as one TenantPolicyChanged event; the answer is the policy as it now stands. */
  async change(policy: TenantPolicy): Promise<TenantPolicy> {
    return (await this.graphql.request<{ changeTenantPolicy: TenantPolicy }>(CHANGE, { input: policy })).changeTenantPolicy;
  }

  /** Every change of the policy, newest first (needs the audit trail). */
  async changes(): Promise<PolicyChange[]> {
    const data = await this.graphql.request<{ auditEvents: { edges: { node: PolicyChange }[] } }>(CHANGES);
    return data.auditEvents.edges.map((edge) => edge.node).reverse();
  }
}
