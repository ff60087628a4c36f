import { specFor } from '@keyward/shared/domain/testing';
import { DEFAULT_TENANT_POLICY, type TenantPolicy } from '@keyward/identity/domain';
import { appPasswordDecider, statusAt, type GenerateAppPassword } from './app-password';
import type { AppPasswordGenerated, AppPasswordRevoked } from './app-password.events';

const spec = specFor(appPasswordDecider);
const now = new Date('2026-03-01T12:00:00.000Z');

const generate = (overrides: Partial<GenerateAppPassword['data']> = {}, policy: Partial<TenantPolicy> = {}): GenerateAppPassword => ({
  type: 'GenerateAppPassword',
  data: {
    appPasswordId: 'abcdefghij',
    owner: { userId: 'u-1', tenantId: 't-1', isEnabled: true, hasMfa: true, activeCount: 0 },
    policy: { ...DEFAULT_TENANT_POLICY, ...policy },
    label: '  Thunderbird on laptop ',
    secretHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    now,
    ...overrides,
  },
});

const generated: AppPasswordGenerated = {
  type: 'AppPasswordGenerated',
  data: {
    appPasswordId: 'abcdefghij',
    userId: 'u-1',
    tenantId: 't-1',
    label: 'Thunderbird on laptop',
    scopes: ['imap', 'pop', 'smtp', 'http'],
    expiresAt: '2027-03-01T12:00:00.000Z',
    secretHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  },
};
const revoked: AppPasswordRevoked = {
  type: 'AppPasswordRevoked',
  data: { appPasswordId: 'abcdefghij', reason: 'Laptop stolen', incidentRef: 'INC-7' },
};

describe('generating an app password', () => {
  it('records it with a trimmed label, every allowed scope and the policy lifetime by default', () => {
    spec.given([]).when(generate()).then([generated]);
  });

  it('keeps the requested scopes in a stable order and the requested lifetime', () => {
    spec
      .given([])
      .when(generate({ scopes: ['smtp', 'imap', 'imap'], expiresInDays: 30 }))
      .then([{ ...generated, data: { ...generated.data, scopes: ['imap', 'smtp'], expiresAt: '2026-03-31T12:00:00.000Z' } }]);
  });

  it('refuses once the user holds the maximum number of active app passwords', () => {
    spec
      .given([])
      .when(generate({ owner: { userId: 'u-1', tenantId: 't-1', isEnabled: true, hasMfa: true, activeCount: 40 } }))
      .thenThrows('POLICY_VIOLATION', /maximum of 40/);
  });

  it('requires registered MFA by default, and not when the policy says so', () => {
    const owner = { userId: 'u-1', tenantId: 't-1', isEnabled: true, hasMfa: false, activeCount: 0 };
    spec.given([]).when(generate({ owner })).thenThrows('POLICY_VIOLATION', /multi-factor/);
    spec.given([]).when(generate({ owner }, { isMfaRequired: false })).then([generated]);
  });

  it('refuses a disabled user', () => {
    const owner = { userId: 'u-1', tenantId: 't-1', isEnabled: false, hasMfa: true, activeCount: 0 };
    spec.given([]).when(generate({ owner })).thenThrows('POLICY_VIOLATION');
  });

  it('refuses scopes the policy does not allow, and unknown scopes', () => {
    spec.given([]).when(generate({ scopes: ['http'] }, { allowedScopes: ['imap'] })).thenThrows('POLICY_VIOLATION');
    spec.given([]).when(generate({ scopes: ['ftp'] })).thenThrows('BAD_USER_INPUT');
  });

  it('refuses a lifetime beyond the policy, or below one day', () => {
    spec.given([]).when(generate({ expiresInDays: 366 })).thenThrows('POLICY_VIOLATION');
    spec.given([]).when(generate({ expiresInDays: 0 })).thenThrows('BAD_USER_INPUT');
  });

  it.each(['', '   ', 'x'.repeat(101), 'two\nlines'])('refuses the label %j', (label) => {
    spec.given([]).when(generate({ label })).thenThrows('BAD_USER_INPUT');
  });

  it('refuses to generate the same id twice', () => {
    spec.given([generated]).when(generate()).thenThrows('CONFLICT');
  });
});

describe('revoking an app password', () => {
  it('records the reason and the incident reference', () => {
    spec
      .given([generated])
      .when({ type: 'RevokeAppPassword', data: { reason: ' Laptop stolen ', incidentRef: 'INC-7' } })
      .then([revoked]);
  });

  it('is idempotent: revoking a revoked credential writes nothing', () => {
    spec.given([generated, revoked]).when({ type: 'RevokeAppPassword', data: { reason: 'again' } }).thenNothingHappens();
  });

  it('requires a reason', () => {
    spec.given([generated]).when({ type: 'RevokeAppPassword', data: { reason: '  ' } }).thenThrows('BAD_USER_INPUT');
  });

  it('refuses an unknown credential', () => {
    spec.given([]).when({ type: 'RevokeAppPassword', data: { reason: 'x' } }).thenThrows('NOT_FOUND');
  });
});

describe('renaming and expiring', () => {
  it('renames to a new label, and does nothing for the same label', () => {
    spec
      .given([generated])
      .when({ type: 'RenameAppPassword', data: { label: 'Phone' } })
      .then([{ type: 'AppPasswordRenamed', data: { appPasswordId: 'abcdefghij', label: 'Phone' } }]);
    spec.given([generated]).when({ type: 'RenameAppPassword', data: { label: 'Thunderbird on laptop' } }).thenNothingHappens();
  });

  it('expires an active credential only once its expiry has passed', () => {
    const expire = (at: string) => ({ type: 'ExpireAppPassword' as const, data: { now: new Date(at) } });
    spec.given([generated]).when(expire('2027-02-01T00:00:00.000Z')).thenNothingHappens();
    spec
      .given([generated])
      .when(expire('2027-03-01T12:00:00.000Z'))
      .then([{ type: 'AppPasswordExpired', data: { appPasswordId: 'abcdefghij' } }]);
    spec.given([generated, revoked]).when(expire('2028-01-01T00:00:00.000Z')).thenNothingHappens();
  });

  it('reports an active credential past its expiry as EXPIRED before any expiry event exists', () => {
    const state = appPasswordDecider.evolve(appPasswordDecider.initialState(), generated);
    if (state.status === 'none') throw new Error('expected a credential');
    expect(statusAt(state, new Date('2027-03-01T11:59:59.999Z'))).toBe('ACTIVE');
    expect(statusAt(state, new Date('2027-03-01T12:00:00.000Z'))).toBe('EXPIRED');
  });
});

describe('suspending and reinstating an app password (incident quarantine)', () => {
  const suspend = { type: 'SuspendAppPassword' as const, data: { reason: 'Suspected leak', incidentRef: 'INC-9', caseId: 'case-1', now } };
  const suspended = { type: 'AppPasswordSuspended' as const, data: { appPasswordId: 'abcdefghij', reason: 'Suspected leak', incidentRef: 'INC-9', caseId: 'case-1' } };

  it('given an active credential, when a case suspends it, then it is suspended with the case, reason and reference', () => {
    spec.given([generated]).when(suspend).then([suspended]);
  });

  it('given a suspended credential, when it is suspended again or a revoked one is suspended, then nothing happens', () => {
    spec.given([generated, suspended]).when(suspend).thenNothingHappens();
    spec.given([generated, revoked]).when(suspend).thenNothingHappens();
  });

  it('given a suspended credential, when its case reinstates it, then it is active again; another case cannot', () => {
    const reinstate = (caseId: string) => ({ type: 'ReinstateAppPassword' as const, data: { reason: 'False alarm', caseId } });
    spec.given([generated, suspended]).when(reinstate('case-1')).then([{ type: 'AppPasswordReinstated', data: { appPasswordId: 'abcdefghij', reason: 'False alarm', caseId: 'case-1' } }]);
    spec.given([generated, suspended]).when(reinstate('case-2')).thenNothingHappens();
  });

  it('given a suspended credential, when it is revoked, then the revocation is final and carries its case', () => {
    spec
      .given([generated, suspended])
      .when({ type: 'RevokeAppPassword', data: { reason: 'Confirmed leak', incidentRef: 'INC-9', caseId: 'case-3' } })
      .then([{ type: 'AppPasswordRevoked', data: { appPasswordId: 'abcdefghij', reason: 'Confirmed leak', incidentRef: 'INC-9', caseId: 'case-3' } }]);
  });

  it('is reported as suspended, and as expired once past its expiry', () => {
    const state = [generated, suspended].reduce(appPasswordDecider.evolve, appPasswordDecider.initialState());
    if (state.status === 'none') throw new Error('no state');
    expect(statusAt(state, now)).toBe('SUSPENDED');
    expect(statusAt(state, new Date('2027-03-02T00:00:00.000Z'))).toBe('EXPIRED');
  });
});
