import type { AppPasswordScope } from '@keyward/identity/domain';
import { statusAt, type ExistingAppPassword } from '../app-password/app-password';
import type { RejectionReason } from '../app-password/app-password.events';

/** Everything known about one verification attempt of a known credential. */
export interface VerificationFacts {
  readonly credential: ExistingAppPassword;
  /** The user named in the attempt (by user principal name). */
  readonly claimedUserId: string;
  readonly isOwnerEnabled: boolean;
  readonly isChecksumValid: boolean;
  /** The argon2 check of the secret; not asked when the checksum already failed. */
  readonly isSecretValid: boolean;
  readonly protocol: AppPasswordScope;
  readonly now: Date;
}

export type VerificationOutcome =
  | { readonly outcome: 'accepted' }
  | { readonly outcome: 'rejected'; readonly reason: RejectionReason };

/**
 * Decides a verification. Proof of the secret comes first, so that the recorded reason for a
 * revoked or expired credential means "someone holds the real secret" — what an incident
 * responder needs to know.
 */
export function decideVerification(facts: VerificationFacts): VerificationOutcome {
  const reject = (reason: RejectionReason): VerificationOutcome => ({ outcome: 'rejected', reason });
  if (!facts.isChecksumValid) return reject('TYPO');
  if (!facts.isSecretValid) return reject('WRONG_SECRET');
  if (facts.claimedUserId !== facts.credential.userId) return reject('WRONG_USER');
  const status = statusAt(facts.credential, facts.now);
  if (status === 'REVOKED') return reject('REVOKED');
  if (status === 'SUSPENDED') return reject('SUSPENDED');
  if (status === 'EXPIRED') return reject('EXPIRED');
  if (!facts.isOwnerEnabled) return reject('USER_DISABLED');
  if (!facts.credential.scopes.includes(facts.protocol)) return reject('SCOPE_NOT_ALLOWED');
  return { outcome: 'accepted' };
}
