import { assertUnreachable, badInput, conflict, notFound, stableId, type DomainEvent } from '@keyward/shared/domain';
import { requireMailServer, type MailServer } from '../mail-servers/mail-servers';
import { DEFAULT_TENANT_POLICY, isSamePolicy, validatedPolicy, type TenantPolicy } from './tenant-policy';

export const tenantStreamId = (tenantId: string) => `tenant-${tenantId}`;

/** A tenant's id follows from its first domain, so bootstrapping twice cannot make two tenants. */
export const tenantIdForDomain = (domain: string) => stableId('tenant', domain.toLowerCase());

export type TenantCreated = DomainEvent<
  'TenantCreated',
  { tenantId: string; name: string; domains: string[]; policy: TenantPolicy }
>;
export type TenantPolicyChanged = DomainEvent<'TenantPolicyChanged', { tenantId: string; policy: TenantPolicy }>;
/** The mail servers users set their apps up with (autoconfig, profiles, the console's steps); each null: none of that kind. */
export interface TenantMailServers {
  readonly imap: MailServer | null;
  readonly pop: MailServer | null;
  readonly submission: MailServer | null;
}
/** An admin entered the tenant's mail servers; from then on they, not KEYWARD_MAIL_*, are the tenant's. */
export type TenantMailServersChanged = DomainEvent<'TenantMailServersChanged', { tenantId: string; mailServers: TenantMailServers }>;
export type TenantEvent = TenantCreated | TenantPolicyChanged | TenantMailServersChanged;

export type CreateTenant = {
  type: 'CreateTenant';
  data: { tenantId: string; name: string; domains: string[] };
};
export type ChangeTenantPolicy = { type: 'ChangeTenantPolicy'; data: { policy: TenantPolicy } };
export type ChangeTenantMailServers = { type: 'ChangeTenantMailServers'; data: { mailServers: TenantMailServers } };
export type TenantCommand = CreateTenant | ChangeTenantPolicy | ChangeTenantMailServers;

export type Tenant =
  | { status: 'none' }
  | { status: 'active'; tenantId: string; name: string; domains: string[]; policy: TenantPolicy; mailServers?: TenantMailServers };
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
      case 'ChangeTenantMailServers': {
        if (state.status !== 'active') throw notFound('No such tenant.');
        const given = command.data.mailServers;
        const mailServers: TenantMailServers = {
          imap: given.imap && requireMailServer({ ...given.imap, protocol: 'imap' }),
          pop: given.pop && requireMailServer({ ...given.pop, protocol: 'pop3' }),
          submission: given.submission && requireMailServer({ ...given.submission, protocol: 'smtp' }),
        };
        if (JSON.stringify(mailServers) === JSON.stringify(state.mailServers ?? null)) return [];
        return [{ type: 'TenantMailServersChanged', data: { tenantId: state.tenantId, mailServers } }];
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
      case 'TenantMailServersChanged':
        return state.status === 'active' ? { ...state, mailServers: event.data.mailServers } : state;
      default:
        return state;
    }
  },
};
