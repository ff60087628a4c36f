import fc from 'fast-check';
import { APP_PASSWORD_SCOPES } from '@keyward/identity/domain';
import type { ExistingAppPassword } from '../app-password/app-password';
import { REJECTION_REASONS } from '../app-password/app-password.events';
import { decideVerification, type VerificationFacts } from './verification';

const DAY_MS = 86_400_000;
const now = fc.date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2040-01-01T00:00:00.000Z'), noInvalidDate: true });

const mostlyTrue = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false));

/** Any credential, with an expiry around the moment of the attempt (exactly at it included) or none. */
const factsAt = (at: Date): fc.Arbitrary<VerificationFacts> =>
  fc.record({
    credential: fc.record({
      status: fc.oneof({ arbitrary: fc.constant('ACTIVE'), weight: 3 }, fc.constantFrom('SUSPENDED', 'REVOKED', 'EXPIRED')),
      appPasswordId: fc.constant('abcdefghij'),
      userId: fc.oneof({ arbitrary: fc.constant('u-1'), weight: 4 }, fc.constant('u-2')),
      tenantId: fc.constant('t-1'),
      label: fc.constant('Phone'),
      scopes: fc.subarray([...APP_PASSWORD_SCOPES]),
      expiresAt: fc.option(
        fc.oneof(fc.constant(0), fc.integer({ min: -DAY_MS, max: DAY_MS }), fc.integer({ min: -400 * DAY_MS, max: 400 * DAY_MS })).map((offset) => new Date(at.getTime() + offset).toISOString()),
        { nil: null },
      ),
      secretHash: fc.constant('h'),
    }) as fc.Arbitrary<ExistingAppPassword>,
    claimedUserId: fc.oneof({ arbitrary: fc.constant('u-1'), weight: 4 }, fc.constantFrom('u-2', 'U-1', '', 'u-1 ')),
    isOwnerEnabled: mostlyTrue,
    isChecksumValid: mostlyTrue,
    isSecretValid: mostlyTrue,
    protocol: fc.constantFrom(...APP_PASSWORD_SCOPES),
    now: fc.constant(at),
  });
const facts = now.chain(factsAt);

/** Whether the credential works at the attempt: written apart from statusAt, from its fields. */
const isActiveAt = ({ credential, now: at }: VerificationFacts) =>
  credential.status === 'ACTIVE' && (credential.expiresAt === null || Date.parse(credential.expiresAt) > at.getTime());

/** What each rejection reason claims about the facts. */
const claims: Record<(typeof REJECTION_REASONS)[number], (f: VerificationFacts) => boolean> = {
  TYPO: (f) => !f.isChecksumValid,
  WRONG_SECRET: (f) => !f.isSecretValid,
  WRONG_USER: (f) => f.claimedUserId !== f.credential.userId,
  REVOKED: (f) => f.credential.status === 'REVOKED',
  SUSPENDED: (f) => f.credential.status === 'SUSPENDED' && !(f.credential.expiresAt !== null && Date.parse(f.credential.expiresAt) <= f.now.getTime()),
  EXPIRED: (f) => f.credential.status === 'EXPIRED' || (f.credential.status !== 'REVOKED' && f.credential.expiresAt !== null && Date.parse(f.credential.expiresAt) <= f.now.getTime()),
  USER_DISABLED: (f) => !f.isOwnerEnabled,
  SCOPE_NOT_ALLOWED: (f) => !f.credential.scopes.includes(f.protocol),
};

describe('deciding a verification, over random facts', () => {
  it('for any facts, the attempt is accepted exactly when the checksum and secret are right, the claimed user owns it, it is active and unexpired, the owner is enabled and the protocol is in scope', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const isAllowed = f.isChecksumValid && f.isSecretValid && f.claimedUserId === f.credential.userId && isActiveAt(f) && f.isOwnerEnabled && f.credential.scopes.includes(f.protocol);
        expect(decideVerification(f).outcome).toBe(isAllowed ? 'accepted' : 'rejected');
      }),
      { numRuns: 500 },
    );
  });

  it('for any facts, a rejection names a reason that is true of them, and proof of the secret comes before the status (REVOKED means the real secret was shown)', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const decided = decideVerification(f);
        if (decided.outcome === 'accepted') return;
        expect(claims[decided.reason](f)).toBe(true);
        if (!f.isChecksumValid) expect(decided.reason).toBe('TYPO');
        else if (!f.isSecretValid) expect(decided.reason).toBe('WRONG_SECRET');
        if (['REVOKED', 'SUSPENDED', 'EXPIRED', 'USER_DISABLED', 'SCOPE_NOT_ALLOWED'].includes(decided.reason)) {
          expect([f.isChecksumValid, f.isSecretValid, f.claimedUserId]).toEqual([true, true, f.credential.userId]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('for any credential whose expiry is at or before the attempt, nothing is accepted, whatever the other facts', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 400 * DAY_MS }), (f, pastBy) => {
        const expired = { ...f, credential: { ...f.credential, expiresAt: new Date(f.now.getTime() - pastBy).toISOString() } };
        expect(decideVerification(expired).outcome).toBe('rejected');
      }),
      { numRuns: 300 },
    );
  });

  it('for any attempt with every fact right, it is accepted, and making any one fact worse turns it into a rejection', () => {
    const worse: ((f: VerificationFacts) => VerificationFacts)[] = [
      (f) => ({ ...f, isChecksumValid: false }),
      (f) => ({ ...f, isSecretValid: false }),
      (f) => ({ ...f, claimedUserId: `${f.claimedUserId}x` }),
      (f) => ({ ...f, isOwnerEnabled: false }),
      (f) => ({ ...f, credential: { ...f.credential, status: 'REVOKED' } }),
      (f) => ({ ...f, credential: { ...f.credential, status: 'SUSPENDED' } }),
      (f) => ({ ...f, credential: { ...f.credential, status: 'EXPIRED' } }),
      (f) => ({ ...f, credential: { ...f.credential, expiresAt: f.now.toISOString() } }),
      (f) => ({ ...f, credential: { ...f.credential, scopes: f.credential.scopes.filter((scope) => scope !== f.protocol) } }),
    ];
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 400 * DAY_MS }), fc.boolean(), fc.constantFrom(...worse), (f, validFor, isExpiring, makeWorse) => {
        const expiresAt = isExpiring ? new Date(f.now.getTime() + validFor).toISOString() : null;
        const scopes = APP_PASSWORD_SCOPES.filter((scope) => scope === f.protocol || f.credential.scopes.includes(scope));
        const good: VerificationFacts = { ...f, isChecksumValid: true, isSecretValid: true, claimedUserId: f.credential.userId, isOwnerEnabled: true, credential: { ...f.credential, status: 'ACTIVE', expiresAt, scopes } };
        expect(decideVerification(good)).toEqual({ outcome: 'accepted' });
        expect(decideVerification(makeWorse(good)).outcome).toBe('rejected');
      }),
      { numRuns: 200 },
    );
  });
});
