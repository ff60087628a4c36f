import { badInput, conflict, DomainError, optionalLine } from '@keyward/shared/domain';

/**
 * A user's second factors for the console: one TOTP authenticator (RFC 6238) with its ten
 * single-use recovery codes, and passkeys (WebAuthn). They live in the user's stream, so every
 * node checks them the same way; a code or a signature counter is accepted once, because its use
 * is an event appended at the revision it was checked against.
 */
export interface SecondFactors {
  readonly totp: { readonly secret: string; readonly lastTimeStep: number } | null;
  /** SHA-256 of each recovery code, base64url; null once used. */
  readonly recoveryCodeHashes: readonly (string | null)[];
  readonly passkeys: readonly Passkey[];
}

export interface Passkey {
  /** The credential id, base64url. */
  readonly credentialId: string;
  /** The COSE public key, base64url. */
  readonly publicKey: string;
  /** The authenticator's signature counter at its last use (0 for authenticators that keep none). */
  readonly counter: number;
  readonly transports: readonly string[];
  readonly name: string;
}

export const NO_SECOND_FACTORS: SecondFactors = { totp: null, recoveryCodeHashes: [], passkeys: [] };

/** How many recovery codes a TOTP enrolment comes with. */
export const RECOVERY_CODE_COUNT = 10;

export type SecondFactorKind = 'totp' | 'recovery-code' | 'passkey';

/** How a second factor was used: the TOTP time step, the recovery code's position, or the passkey and its counter. */
export type SecondFactorUse =
  | { readonly factor: 'totp'; readonly timeStep: number }
  | { readonly factor: 'recovery-code'; readonly recoveryCodeIndex: number }
  | { readonly factor: 'passkey'; readonly credentialId: string; readonly counter: number };

export function hasSecondFactor(factors: SecondFactors): boolean {
  return factors.totp !== null || factors.passkeys.length > 0;
}

/** The second factor a sign-in used was used already (a replayed TOTP code, a used recovery code, a cloned passkey's counter). */
export const secondFactorReplayed = () => new DomainError('UNAUTHENTICATED', 'This code or key was used already.');

export function requireTotpEnrolment(factors: SecondFactors, secret: string, recoveryCodeHashes: readonly string[]): void {
  if (factors.totp !== null) throw conflict('An authenticator app is registered already; remove your second factors first to register another.');
  if (!/^[A-Z2-7]{16,128}$/.test(secret)) throw badInput('The TOTP secret must be base32.');
  if (recoveryCodeHashes.length !== RECOVERY_CODE_COUNT) throw badInput(`A TOTP enrolment comes with ${RECOVERY_CODE_COUNT} recovery codes.`);
}

export function requirePasskeyRegistration(factors: SecondFactors, credentialId: string, name: string): string {
  if (factors.passkeys.some((passkey) => passkey.credentialId === credentialId)) throw conflict('This passkey is registered already.');
  if (factors.passkeys.length >= 10) throw badInput('A user may register at most 10 passkeys.');
  return optionalLine(name, 64, 'A passkey name must be at most 64 characters on one line.') ?? 'Passkey';
}

/** Refuses a use of a factor the user does not have, or one that was used already. */
export function requireFreshUse(factors: SecondFactors, use: SecondFactorUse): void {
  switch (use.factor) {
    case 'totp':
      if (factors.totp === null) throw new DomainError('UNAUTHENTICATED', 'No authenticator app is registered.');
      if (use.timeStep <= factors.totp.lastTimeStep) throw secondFactorReplayed();
      return;
    case 'recovery-code':
      if (!factors.recoveryCodeHashes[use.recoveryCodeIndex]) throw secondFactorReplayed();
      return;
    case 'passkey': {
      const passkey = factors.passkeys.find((candidate) => candidate.credentialId === use.credentialId);
      if (!passkey) throw new DomainError('UNAUTHENTICATED', 'No such passkey.');
      // A counter that does not grow (where the authenticator keeps one) means a cloned authenticator or a replay.
      if ((use.counter !== 0 || passkey.counter !== 0) && use.counter <= passkey.counter) throw secondFactorReplayed();
      return;
    }
  }
}

/** The factors after a use: the time step, the spent recovery code, the passkey's new counter. */
export function afterUse(factors: SecondFactors, use: SecondFactorUse): SecondFactors {
  switch (use.factor) {
    case 'totp':
      return factors.totp ? { ...factors, totp: { ...factors.totp, lastTimeStep: use.timeStep } } : factors;
    case 'recovery-code':
      return { ...factors, recoveryCodeHashes: factors.recoveryCodeHashes.map((hash, i) => (i === use.recoveryCodeIndex ? null : hash)) };
    case 'passkey':
      return { ...factors, passkeys: factors.passkeys.map((passkey) => (passkey.credentialId === use.credentialId ? { ...passkey, counter: use.counter } : passkey)) };
  }
}
