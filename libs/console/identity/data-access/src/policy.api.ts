import { inject, Injectable } from '@angular/core';
import { graphql, GraphQLClient, type Gql } from '@keyward/console/shared/data-access';

graphql(`
  fragment TenantPolicyFields on TenantPolicy {
    maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays isPasswordSignInAllowed
    consoleMfaRoles mfaGraceDays
  }
`);

export type TenantPolicy = Gql.TenantPolicyFieldsFragment;

const POLICY = graphql(`
  query Policy { tenantPolicy { ...TenantPolicyFields } }
`);
const CHANGES = graphql(`
  query PolicyChanges { auditEvents(filter: { types: ["TenantPolicyChanged"] }, first: 200) { totalCount edges { node { id occurredAt actorName } } } }
`);
const CHANGE = graphql(`
  mutation ChangePolicy($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ...TenantPolicyFields } }
`);

graphql(`
  fragment MailServersFields on MailServers {
    isTenantSpecific imap { host port security } pop { host port security } submission { host port security }
  }
`);

/** The tenant's mail servers, as the policy page edits them. */
export type MailServers = Gql.MailServersFieldsFragment;
export type MailServersInput = Gql.MailServersInput;

const MAIL_SERVERS = graphql(`
  query MailServers { mailServers { ...MailServersFields } }
`);
const CHANGE_MAIL_SERVERS = graphql(`
  mutation ChangeMailServers($input: MailServersInput!) { changeMailServers(input: $input) { ...MailServersFields } }
`);

/** A recorded change of the policy: when, and by whom. */
export type PolicyChange = Gql.PolicyChangesQuery['auditEvents']['edges'][number]['node'];

/** The tenant policy operations of the API, typed. */
@Injectable({ providedIn: 'root' })
export class PolicyApi {
  private readonly graphql = inject(GraphQLClient);

  async get(): Promise<TenantPolicy> {
    return (await this.graphql.request(POLICY)).tenantPolicy;
  }

  /** Records the new policy as one TenantPolicyChanged event; the answer is the policy as it now stands. */
  async change(policy: TenantPolicy): Promise<TenantPolicy> {
    return (await this.graphql.request(CHANGE, { input: policy })).changeTenantPolicy;
  }

  async mailServers(): Promise<MailServers> {
    return (await this.graphql.request(MAIL_SERVERS)).mailServers;
  }

  async changeMailServers(input: MailServersInput): Promise<MailServers> {
    return (await this.graphql.request(CHANGE_MAIL_SERVERS, { input })).changeMailServers;
  }

  /** Every change of the policy, newest first (needs the audit trail). */
  async changes(): Promise<PolicyChange[]> {
    const data = await this.graphql.request(CHANGES);
    return data.auditEvents.edges.map((edge) => edge.node).reverse();
  }
}
