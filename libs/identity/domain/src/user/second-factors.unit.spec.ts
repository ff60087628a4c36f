import { specFor } from '@keyward/shared/domain/testing';
import type { SecondFactorUse } from './second-factors';
import { userDecider, userIdFor, type PasskeyRegistered, type SecondFactorUsed, type TotpEnrolled, type UserCreated } from './user';

const spec = specFor(userDecider);
const userId = userIdFor('alice@contoso.example');

const created: UserCreated = {
  type: 'UserCreated',
  data: { userId, tenantId: 't-1', userPrincipalName: 'alice@contoso.example', displayName: 'Alice', roles: ['GLOBAL_ADMIN'], mfaRegistered: false, passwordHash: null },
};
const recoveryCodeHashes = Array.from({ length: 10 }, (_, i) => `hash-${i}`);
const enrolled: TotpEnrolled = { type: 'TotpEnrolled', data: { userId, totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes, timeStep: 100 } };
const passkey: PasskeyRegistered = {
  type: 'PasskeyRegistered',
  data: { userId, credentialId: 'cred-1', publicKey: 'key-1', counter: 5, transports: ['internal'], name: 'Laptop' },
};
const used = (data: SecondFactorUse): SecondFactorUsed => ({ type: 'SecondFactorUsed', data: { userId, ...data } as SecondFactorUsed['data'] });

describe('enrolling an authenticator app', () => {
  it('records the secret, the recovery codes and the confirming time step, and the user counts as having MFA', () => {
    spec
      .given([created])
      .when({ type: 'EnrolTotp', data: { totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes, timeStep: 100 } })
      .then([enrolled]);
    const state = [created, enrolled].reduce(userDecider.evolve, userDecider.initialState());
    expect(state.status !== 'none' && state.mfaRegistered).toBe(true);
  });

  it('refuses a second authenticator app while one is registered', () => {
    spec.given([created, enrolled]).when({ type: 'EnrolTotp', data: { totpSecret: 'JBSWY3DPEHPK3PXQ', recoveryCodeHashes, timeStep: 200 } }).thenThrows('CONFLICT');
  });

  it('refuses an enrolment without ten recovery codes', () => {
    spec.given([created]).when({ type: 'EnrolTotp', data: { totpSecret: 'JBSWY3DPEHPK3PXP', recoveryCodeHashes: ['one'], timeStep: 100 } }).thenThrows('BAD_USER_INPUT');
  });
});

describe('using a second factor', () => {
  it('accepts a TOTP code of a later time step than the last one used', () => {
    spec.given([created, enrolled]).when({ type: 'UseSecondFactor', data: { factor: 'totp', timeStep: 101 } }).then([used({ factor: 'totp', timeStep: 101 })]);
  });

  it('refuses a code of the time step that confirmed the enrolment, or of one used already', () => {
    spec.given([created, enrolled]).when({ type: 'UseSecondFactor', data: { factor: 'totp', timeStep: 100 } }).thenThrows('UNAUTHENTICATED', /used already/);
    spec
      .given([created, enrolled, used({ factor: 'totp', timeStep: 105 })])
      .when({ type: 'UseSecondFactor', data: { factor: 'totp', timeStep: 104 } })
      .thenThrows('UNAUTHENTICATED', /used already/);
  });

  it('accepts each recovery code once', () => {
    spec.given([created, enrolled]).when({ type: 'UseSecondFactor', data: { factor: 'recovery-code', recoveryCodeIndex: 3 } }).then([used({ factor: 'recovery-code', recoveryCodeIndex: 3 })]);
    spec
      .given([created, enrolled, used({ factor: 'recovery-code', recoveryCodeIndex: 3 })])
      .when({ type: 'UseSecondFactor', data: { factor: 'recovery-code', recoveryCodeIndex: 3 } })
      .thenThrows('UNAUTHENTICATED', /used already/);
  });

  it('refuses a passkey whose signature counter did not grow (a replay or a cloned key)', () => {
    spec.given([created, passkey]).when({ type: 'UseSecondFactor', data: { factor: 'passkey', credentialId: 'cred-1', counter: 6 } }).then([used({ factor: 'passkey', credentialId: 'cred-1', counter: 6 })]);
    spec.given([created, passkey]).when({ type: 'UseSecondFactor', data: { factor: 'passkey', credentialId: 'cred-1', counter: 5 } }).thenThrows('UNAUTHENTICATED', /used already/);
    spec.given([created, passkey]).when({ type: 'UseSecondFactor', data: { factor: 'passkey', credentialId: 'cred-2', counter: 9 } }).thenThrows('UNAUTHENTICATED', /No such passkey/);
  });

  it('refuses a TOTP code from a user without an authenticator app', () => {
    spec.given([created, passkey]).when({ type: 'UseSecondFactor', data: { factor: 'totp', timeStep: 101 } }).thenThrows('UNAUTHENTICATED');
  });
});

describe("an admin resetting a user's second factors", () => {
  it('records the reason, removes every factor and ends the sessions opened with them', () => {
    spec.given([created, enrolled, passkey]).when({ type: 'ResetSecondFactors', data: { reason: 'Lost phone, ticket 4711' } }).then([
      { type: 'SecondFactorsReset', data: { userId, reason: 'Lost phone, ticket 4711' } },
    ]);
    const before = [created, enrolled, passkey].reduce(userDecider.evolve, userDecider.initialState());
    const after = userDecider.evolve(before, { type: 'SecondFactorsReset', data: { userId, reason: 'Lost phone' } });
    if (after.status === 'none') throw new Error('no user');
    expect(after.secondFactors).toEqual({ totp: null, recoveryCodeHashes: [], passkeys: [] });
    expect(after.mfaRegistered).toBe(false);
    expect(after.sessionsEndedAt).toBe(after.revision);
  });

  it('keeps MFA an admin attested at creation after the reset', () => {
    const attested: UserCreated = { ...created, data: { ...created.data, mfaRegistered: true } };
    const after = [attested, enrolled, { type: 'SecondFactorsReset', data: { userId, reason: 'Lost phone' } } as const].reduce(userDecider.evolve, userDecider.initialState());
    expect(after.status !== 'none' && after.mfaRegistered).toBe(true);
  });

  it('refuses a reset without a reason, or of a user with no second factor', () => {
    spec.given([created, enrolled]).when({ type: 'ResetSecondFactors', data: { reason: ' ' } }).thenThrows('BAD_USER_INPUT');
    spec.given([created]).when({ type: 'ResetSecondFactors', data: { reason: 'Lost phone' } }).thenThrows('BAD_USER_INPUT', /no second factor/);
  });
});
