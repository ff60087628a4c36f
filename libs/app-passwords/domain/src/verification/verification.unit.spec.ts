import type { ExistingAppPassword } from '../app-password/app-password';
import { decideVerification, type VerificationFacts } from './verification';

const credential: ExistingAppPassword = {
  status: 'ACTIVE',
  appPasswordId: 'abcdefghij',
  userId: 'u-1',
  tenantId: 't-1',
  label: 'Phone',
  scopes: ['imap', 'smtp'],
  expiresAt: '2027-01-01T00:00:00.000Z',
  secretHash: 'h',
};
const facts: VerificationFacts = {
  credential,
  claimedUserId: 'u-1',
  isOwnerEnabled: true,
  isChecksumValid: true,
  isSecretValid: true,
  protocol: 'imap',
  now: new Date('2026-06-01T00:00:00.000Z'),
};

describe('deciding a verification', () => {
  it('accepts the right secret for the owner, in scope, before expiry', () => {
    expect(decideVerification(facts)).toEqual({ outcome: 'accepted' });
  });

  it.each([
    ['TYPO', { isChecksumValid: false, isSecretValid: false }],
    ['WRONG_SECRET', { isSecretValid: false }],
    ['WRONG_USER', { claimedUserId: 'u-2' }],
    ['REVOKED', { credential: { ...credential, status: 'REVOKED' as const } }],
    ['EXPIRED', { now: new Date('2027-01-01T00:00:00.000Z') }],
    ['USER_DISABLED', { isOwnerEnabled: false }],
    ['SCOPE_NOT_ALLOWED', { protocol: 'http' as const }],
  ])('rejects with %s', (reason, change) => {
    expect(decideVerification({ ...facts, ...change })).toEqual({ outcome: 'rejected', reason });
  });

  it('names a wrong secret before the status, so REVOKED means the real secret was presented', () => {
    const revoked = { ...credential, status: 'REVOKED' as const };
    expect(decideVerification({ ...facts, credential: revoked, isSecretValid: false })).toMatchObject({
      reason: 'WRONG_SECRET',
    });
  });
});
