import { specFor } from '@keyward/shared/domain/testing';
import { tenantDecider, type TenantCreated } from './tenant';
import { DEFAULT_TENANT_POLICY, type TenantPolicy } from './tenant-policy';

const spec = specFor(tenantDecider);

const created: TenantCreated = {
  type: 'TenantCreated',
  data: { tenantId: 't-1', name: 'Contoso', domains: ['contoso.example'], policy: DEFAULT_TENANT_POLICY },
};
const change = (policy: Partial<TenantPolicy>) => ({ type: 'ChangeTenantPolicy' as const, data: { policy: { ...DEFAULT_TENANT_POLICY, ...policy } } });

describe('changing a tenant policy', () => {
  it('records the new policy, its scopes in canonical order', () => {
    spec
      .given([created])
      .when(change({ maxActivePerUser: 10, idleRevocationDays: null, allowedScopes: ['smtp', 'imap', 'imap'] }))
      .then([
        {
          type: 'TenantPolicyChanged',
          data: { tenantId: 't-1', policy: { ...DEFAULT_TENANT_POLICY, maxActivePerUser: 10, idleRevocationDays: null, allowedScopes: ['imap', 'smtp'] } },
        },
      ]);
  });

  it('records nothing when the settings are the ones in force', () => {
    spec.given([created]).when(change({ allowedScopes: ['http', 'smtp', 'pop', 'imap'] })).then([]);
  });

  it('applies the latest change when deciding the next one', () => {
    const changed = { type: 'TenantPolicyChanged' as const, data: { tenantId: 't-1', policy: { ...DEFAULT_TENANT_POLICY, maxLifetimeDays: 30 } } };
    spec.given([created, changed]).when(change({ maxLifetimeDays: 30 })).then([]);
  });

  it.each([
    ['a maximum of zero per user', { maxActivePerUser: 0 }],
    ['a lifetime over ten years', { maxLifetimeDays: 3651 }],
    ['a fractional idle period', { idleRevocationDays: 1.5 }],
    ['no scope at all', { allowedScopes: [] }],
    ['an unknown scope', { allowedScopes: ['ftp'] as unknown as TenantPolicy['allowedScopes'] }],
  ])('refuses %s', (_name, policy) => {
    spec.given([created]).when(change(policy)).thenThrows('BAD_USER_INPUT');
  });

  it('refuses a tenant that does not exist', () => {
    spec.given([]).when(change({})).thenThrows('NOT_FOUND');
  });

  it("keeps the API tokens' longest lifetime when a change leaves it out, and checks it when given", () => {
    const created = { type: 'TenantCreated' as const, data: { tenantId: 't-1', name: 'Contoso', domains: ['contoso.example'], policy: { ...DEFAULT_TENANT_POLICY, maxApiTokenDays: 30 } } };
    spec.given([created]).when(change({ maxActivePerUser: 10 })).then([
      { type: 'TenantPolicyChanged', data: { tenantId: 't-1', policy: { ...DEFAULT_TENANT_POLICY, allowedScopes: [...DEFAULT_TENANT_POLICY.allowedScopes], maxActivePerUser: 10, maxApiTokenDays: 30 } } },
    ]);
    spec.given([created]).when(change({ maxApiTokenDays: 366 })).thenThrows('BAD_USER_INPUT', /maxApiTokenDays/);
    spec.given([created]).when(change({ maxApiTokenDays: 30 })).thenNothingHappens();
  });

  it('keeps password sign-in off when a change leaves the setting out, records turning it off and on, and stores no setting when it is on', () => {
    const off = { type: 'TenantCreated' as const, data: { tenantId: 't-1', name: 'Contoso', domains: ['contoso.example'], policy: { ...DEFAULT_TENANT_POLICY, isPasswordSignInAllowed: false } } };
    spec.given([off]).when(change({ maxActivePerUser: 10 })).then([
      { type: 'TenantPolicyChanged', data: { tenantId: 't-1', policy: { ...DEFAULT_TENANT_POLICY, allowedScopes: [...DEFAULT_TENANT_POLICY.allowedScopes], maxActivePerUser: 10, isPasswordSignInAllowed: false } } },
    ]);
    spec.given([off]).when(change({ isPasswordSignInAllowed: true })).then([
      { type: 'TenantPolicyChanged', data: { tenantId: 't-1', policy: { ...DEFAULT_TENANT_POLICY, allowedScopes: [...DEFAULT_TENANT_POLICY.allowedScopes] } } },
    ]);
    spec.given([created]).when(change({ isPasswordSignInAllowed: false })).then([
      { type: 'TenantPolicyChanged', data: { tenantId: 't-1', policy: { ...DEFAULT_TENANT_POLICY, allowedScopes: [...DEFAULT_TENANT_POLICY.allowedScopes], isPasswordSignInAllowed: false } } },
    ]);
  });
});
