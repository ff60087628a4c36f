import { specFor } from '@keyward/shared/domain/testing';
import { apiTokenDecider, apiTokenStatusAt, type ApiTokenCreated, type CreateApiToken, type ExistingApiToken } from './api-token';

const spec = specFor(apiTokenDecider);
const now = new Date('2026-03-01T12:00:00.000Z');

const create = (overrides: Partial<CreateApiToken['data']> = {}): CreateApiToken => ({
  type: 'CreateApiToken',
  data: {
    apiTokenId: 'Ab3dEf6hIj9k',
    creator: { userId: 'u-1', tenantId: 't-1', roles: ['AUDITOR', 'USER'], isEnabled: true },
    name: '  Nightly SIEM export ',
    role: 'AUDITOR',
    tokenHash: 'c2hhMjU2',
    now,
    ...overrides,
  },
});
const created: ApiTokenCreated = {
  type: 'ApiTokenCreated',
  data: { apiTokenId: 'Ab3dEf6hIj9k', tenantId: 't-1', userId: 'u-1', name: 'Nightly SIEM export', role: 'AUDITOR', expiresAt: '2026-05-30T12:00:00.000Z', tokenHash: 'c2hhMjU2' },
};

describe('creating an API token', () => {
  it('records it with a trimmed name, the role asked for and 90 days by default', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('takes an expiry of 1 to 365 days', () => {
    spec.given([]).when(create({ expiresInDays: 365 })).then([{ ...created, data: { ...created.data, expiresAt: '2027-03-01T12:00:00.000Z' } }]);
    spec.given([]).when(create({ expiresInDays: 366 })).thenThrows('POLICY_VIOLATION', /at most 365 days/);
    spec.given([]).when(create({ expiresInDays: 0 })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(create({ expiresInDays: 1.5 })).thenThrows('BAD_USER_INPUT');
  });

  it("keeps within the tenant policy's longest lifetime, and by default lives 90 days or that, whichever is shorter", () => {
    spec.given([]).when(create({ maxDays: 30, expiresInDays: 31 })).thenThrows('POLICY_VIOLATION', /at most 30 days/);
    spec.given([]).when(create({ maxDays: 30 })).then([{ ...created, data: { ...created.data, expiresAt: '2026-03-31T12:00:00.000Z' } }]);
    spec.given([]).when(create({ maxDays: 200 })).then([created]);
  });

  it("refuses a role its creator does not hold: a token acts with at most its creator's roles", () => {
    spec.given([]).when(create({ role: 'GLOBAL_ADMIN' })).thenThrows('FORBIDDEN', /GLOBAL_ADMIN/);
  });

  it('refuses a disabled creator, an empty or multi-line name, and a second creation', () => {
    spec.given([]).when(create({ creator: { userId: 'u-1', tenantId: 't-1', roles: ['AUDITOR'], isEnabled: false } })).thenThrows('POLICY_VIOLATION');
    spec.given([]).when(create({ name: ' ' })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(create({ name: 'a\nb' })).thenThrows('BAD_USER_INPUT');
    spec.given([created]).when(create()).thenThrows('CONFLICT');
  });
});

describe('revoking an API token', () => {
  it('records the revocation once', () => {
    spec.given([created]).when({ type: 'RevokeApiToken' }).then([{ type: 'ApiTokenRevoked', data: { apiTokenId: 'Ab3dEf6hIj9k' } }]);
    spec.given([created, { type: 'ApiTokenRevoked', data: { apiTokenId: 'Ab3dEf6hIj9k' } }]).when({ type: 'RevokeApiToken' }).thenNothingHappens();
  });

  it('refuses a token that does not exist', () => {
    spec.given([]).when({ type: 'RevokeApiToken' }).thenThrows('NOT_FOUND');
  });
});

describe("a token's last use", () => {
  const use = (at: string) => ({ type: 'RecordApiTokenUse' as const, data: { now: new Date(at) } });

  it('is recorded at the first use, then at most once an hour', () => {
    spec.given([created]).when(use('2026-03-02T08:00:00.000Z')).then([{ type: 'ApiTokenUsed', data: { apiTokenId: 'Ab3dEf6hIj9k', usedAt: '2026-03-02T08:00:00.000Z' } }]);
    const used = { type: 'ApiTokenUsed' as const, data: { apiTokenId: 'Ab3dEf6hIj9k', usedAt: '2026-03-02T08:00:00.000Z' } };
    spec.given([created, used]).when(use('2026-03-02T08:59:59.000Z')).thenNothingHappens();
    spec.given([created, used]).when(use('2026-03-02T09:00:00.000Z')).then([{ type: 'ApiTokenUsed', data: { apiTokenId: 'Ab3dEf6hIj9k', usedAt: '2026-03-02T09:00:00.000Z' } }]);
  });

  it('is not recorded for a revoked or expired token', () => {
    spec.given([created, { type: 'ApiTokenRevoked', data: { apiTokenId: 'Ab3dEf6hIj9k' } }]).when(use('2026-03-02T08:00:00.000Z')).thenNothingHappens();
    spec.given([created]).when(use('2026-05-30T12:00:00.000Z')).thenNothingHappens();
  });
});

describe("a token's status", () => {
  it('is EXPIRED from its expiry on, and REVOKED once revoked', () => {
    const state = [created].reduce(apiTokenDecider.evolve, apiTokenDecider.initialState()) as ExistingApiToken;
    expect(apiTokenStatusAt(state, new Date('2026-05-30T11:59:59.999Z'))).toBe('ACTIVE');
    expect(apiTokenStatusAt(state, new Date('2026-05-30T12:00:00.000Z'))).toBe('EXPIRED');
    expect(apiTokenStatusAt(apiTokenDecider.evolve(state, { type: 'ApiTokenRevoked', data: { apiTokenId: 'Ab3dEf6hIj9k' } }) as ExistingApiToken, now)).toBe('REVOKED');
  });
});
