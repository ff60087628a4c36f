import { assertUnreachable, badInput, conflict, notFound, stableId, type DomainEvent } from '@keyward/shared/domain';
import { DEFAULT_TENANT_POLICY, isSamePolicy, validatedPolicy, type TenantPolicy } from './tenant-policy';

export const tenantStreamId = (tenantId: string) => `tenant-${tenantId}`;

/** A tenant's id follows from its first domain, so bootstrapping twice cannot make two tenants. */
export const tenantIdForDomain = (domain: string) => stableId('tenant', domain.toLowerCase());

export type TenantCreated = DomainEvent<
  'TenantCreated',
  { tenantId: string; name: string; domains: string[]; policy: TenantPolicy }
>;
export type TenantPolicyChanged = DomainEvent<'TenantPolicyChanged', { tenantId: string; policy: TenantPolicy }>;
export type TenantEvent = TenantCreated | TenantPolicyChanged;

export type CreateTenant = {
  type: 'CreateTenant';
  data: { tenantId: string; name: string; domains: string[] };
};
export type ChangeTenantPolicy = { type: 'ChangeTenantPolicy'; data: { policy: TenantPolicy } };
export type TenantCommand = CreateTenant | ChangeTenantPolicy;

export type Tenant =
  | { status: 'none' }
  | { status: 'active'; tenantId: string; name: string; domains: string[]; policy: TenantPolicy };
export type ActiveTenant = Extract<Tenant, { status: 'active' }>;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isValidDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

export const tenantDecider = {
  initialState: (): Tenant => ({ status: 'none' }),

  decide(command: TenantCommand, state: Tenant): TenantEvent[] {
    switch (command.type) {
      case 'CreateTenant': {
        if (state.status !== 'none') throw conflict('This tenant exists already.');
        const domains = command.data.domains.map((d) => d.toLowerCase());
        const invalid = domains.find((d) => !isValidDomain(d));
        if (domains.length === 0 || invalid !== undefined) {
          throw badInput(`Not a valid mail domain: ${invalid ?? '(none)'}`);
        }
        return [
          {
            type: 'TenantCreated',
            data: { ...command.data, domains, policy: DEFAULT_TENANT_POLICY },
          },
        ];
      }
      case 'ChangeTenantPolicy': {
        if (state.status !== 'active') throw notFound('No such tenant.');
        // A setting left out (an older client's change) keeps its value.
        const given = command.data.policy;
        const policy = validatedPolicy({
          ...given,
          maxApiTokenDays: given.maxApiTokenDays ?? state.policy.maxApiTokenDays,
          isPasswordSignInAllowed: given.isPasswordSignInAllowed ?? state.policy.isPasswordSignInAllowed,
          consoleMfaRoles: given.consoleMfaRoles ?? state.policy.consoleMfaRoles,
          mfaGraceDays: given.mfaGraceDays ?? state.policy.mfaGraceDays,
        });
        // Saving the same settings again records nothing.
        if (isSamePolicy(policy, state.policy)) return [];
        return [{ type: 'TenantPolicyChanged', data: { tenantId: state.tenantId, policy } }];
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: Tenant, event: TenantEvent): Tenant {
    switch (event.type) {
      case 'TenantCreated':
        return { status: 'active', ...event.data };
      case 'TenantPolicyChanged':
        return state.status === 'active' ? { ...state, policy: event.data.policy } : state;
      default:
        return state;
    }
  },
};
