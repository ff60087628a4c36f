import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { toString as qrCodeSvg } from 'qrcode';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { badInput, conflict, isDomainError, notFound, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, type Clock, type RelyingParty } from '@keyward/shared/server';
import {
  actorOf,
  consoleMfaStanding,
  hasSecondFactor,
  RECOVERY_CODE_COUNT,
  type ConsoleMfaStanding,
  userDecider,
  userStreamId,
  type ExistingUser,
  type SecondFactorUse,
  type TenantPolicy,
  type UserCommand,
  type UserPrincipal,
} from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

/** What beginTotpEnrolment hands the user, once: the secret, as text, link and QR code, and the recovery codes. */
export interface TotpEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
  readonly qrCodeSvg: string;
  readonly recoveryCodes: readonly string[];
}

/** A second factor presented at sign-in or step-up: a TOTP or recovery code, or a passkey's assertion. */
export interface PresentedFactor {
  readonly otp?: string;
  readonly passkey?: unknown;
}

/** An unconfirmed enrolment is forgotten after this long. */
const PENDING_TOTP_MS = 15 * 60_000;
/** A WebAuthn challenge is good for this long, and once. */
const CHALLENGE_MS = 5 * 60_000;
/** RFC 6238 §5.2: one time step of clock drift either way. */
const TOTP_TOLERANCE_SECONDS = 30;

/**
 * The console's second factors: TOTP enrolment (confirmed by a first code, with ten recovery
 * codes shown once), passkey registration, checking a factor at sign-in or step-up, and an admin's
 * reset. Enrolments in progress and WebAuthn challenges are kept in this node's database, like
 * console sessions; what is enrolled and every use are events in the user's stream.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS pending_totp_enrolments (
      user_id              TEXT PRIMARY KEY,
      secret               TEXT NOT NULL,
      recovery_code_hashes TEXT NOT NULL,
      created_at           INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS webauthn_challenges (
      challenge  TEXT PRIMARY KEY,
      user_id    TEXT,
      purpose    TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`);
  }

  /** Starts (or starts over) the signed-in user's TOTP enrolment. */
  async beginTotpEnrolment(principal: UserPrincipal): Promise<TotpEnrolment> {
    const user = await this.directory.userFor(principal, 'account.secure', principal.userId);
    if (user.secondFactors.totp !== null) throw conflict('An authenticator app is registered already; an admin can reset your second factors if you lost it.');
    const secret = generateSecret();
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    this.db
      .prepare('INSERT OR REPLACE INTO pending_totp_enrolments (user_id, secret, recovery_code_hashes, created_at) VALUES (?, ?, ?, ?)')
      .run(user.userId, secret, JSON.stringify(recoveryCodes.map(recoveryCodeHash)), this.clock.now().getTime());
    const otpauthUri = generateURI({ issuer: 'Keyward', label: user.userPrincipalName, secret });
    return { secret, otpauthUri, qrCodeSvg: await qrCodeSvg(otpauthUri, { type: 'svg', margin: 1 }), recoveryCodes };
  }

  /** Confirms the enrolment with a first code from the app: the user now has a second factor. */
  async confirmTotpEnrolment(principal: UserPrincipal, code: string, context: CommandContext): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'account.secure', principal.userId);
    const pending = this.db.prepare('SELECT * FROM pending_totp_enrolments WHERE user_id = ?').get(principal.userId) as
      | { secret: string; recovery_code_hashes: string; created_at: number }
      | undefined;
    if (!pending || this.clock.now().getTime() - pending.created_at > PENDING_TOTP_MS) {
      throw badInput('Start the enrolment first (beginTotpEnrollment); an unconfirmed one lasts 15 minutes.');
    }
    const timeStep = await this.totpTimeStep(pending.secret, code);
    if (timeStep === null) throw badInput('The code is wrong: enter the 6 digits your authenticator app shows now.');
    const state = await this.handle(
      principal.userId,
      { type: 'EnrolTotp', data: { totpSecret: pending.secret, recoveryCodeHashes: JSON.parse(pending.recovery_code_hashes), timeStep } },
      context,
    );
    this.db.prepare('DELETE FROM pending_totp_enrolments WHERE user_id = ?').run(principal.userId);
    return state;
  }

  /** Options for the browser to create a passkey for the signed-in user (a discoverable credential, so sign-in needs no user name first). */
  async beginPasskeyRegistration(principal: UserPrincipal, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const user = await this.directory.userFor(principal, 'account.secure', principal.userId);
    const options = await generateRegistrationOptions({
      rpName: 'Keyward',
      rpID: rp.id,
      userName: user.userPrincipalName,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.userId),
      attestationType: 'none',
      excludeCredentials: user.secondFactors.passkeys.map((passkey) => ({ id: passkey.credentialId })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    this.remember(options.challenge, user.userId, 'registration');
    return options;
  }

  /** Checks the browser's new passkey against the challenge it was given, and registers it. */
  async finishPasskeyRegistration(principal: UserPrincipal, response: unknown, name: string, rp: RelyingParty, context: CommandContext): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'account.secure', principal.userId);
    const challenge = this.take(challengeOf(response), principal.userId, 'registration');
    if (challenge === null) throw badInput('The passkey answers no registration this session started, or it took longer than 5 minutes: try again.');
    let verified;
    try {
      verified = await verifyRegistrationResponse({ response: response as RegistrationResponseJSON, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id });
    } catch {
      throw badInput('The passkey could not be verified.');
    }
    if (!verified.verified) throw badInput('The passkey could not be verified.');
    const { credential } = verified.registrationInfo;
    return this.handle(
      principal.userId,
      {
        type: 'RegisterPasskey',
        data: {
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: [...(credential.transports ?? [])],
          name,
        },
      },
      context,
    );
  }

  /** Options for the browser to sign in with a passkey: a fresh challenge, no user named. */
  async passkeySignInOptions(rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'preferred' });
    this.remember(options.challenge, null, 'sign-in');
    return options;
  }

  /**
   * Whether the factor presented is right for this user, recording its use when it is (so that it
   * is never taken again): a 6-digit TOTP code, a recovery code, or a passkey's assertion. A wrong,
   * replayed or foreign one is false and changes nothing.
   */
  async verify(user: ExistingUser, presented: PresentedFactor, rp: RelyingParty | null, correlationId: string): Promise<boolean> {
    const use = await this.useOf(user, presented, rp);
    if (use === null) return false;
    const principal: UserPrincipal = { kind: 'user', userId: user.userId, tenantId: user.tenantId, userPrincipalName: user.userPrincipalName, roles: user.roles };
    try {
      await this.handle(user.userId, { type: 'UseSecondFactor', data: use }, { actor: actorOf(principal), tenantId: user.tenantId, now: this.clock.now(), correlationId });
      return true;
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') return false;
      throw error;
    }
  }

  /**
   * Where the user stands with the tenant policy's second factor for console roles (grace from
   * their creation); `policy` when the caller has read it already.
   */
  async standingOf(user: ExistingUser, policy?: TenantPolicy): Promise<ConsoleMfaStanding> {
    policy ??= (await this.directory.tenantOf(user)).policy;
    const createdAt = (await this.directory.userCreatedAt(user.userId)) ?? this.clock.now();
    return consoleMfaStanding({ roles: user.roles, hasSecondFactor: hasSecondFactor(user.secondFactors), createdAt }, policy, this.clock.now());
  }

  /** Records, once, that the identity provider said the user signed in with MFA (at a single sign-on). */
  async attestByIdentityProvider(user: ExistingUser, context: CommandContext): Promise<ExistingUser> {
    if (user.mfaAttestedByIdentityProvider) return user;
    return this.handle(user.userId, { type: 'AttestMfa', data: { source: 'identity-provider' } }, context);
  }

  /** An admin removes a user's second factors (a lost phone): recorded with the reason; the user's sessions end. */
  async reset(principal: UserPrincipal, userId: string, reason: string, context: CommandContext): Promise<ExistingUser> {
    await this.directory.userFor(principal, 'users.manage', userId);
    return this.handle(userId, { type: 'ResetSecondFactors', data: { reason } }, context);
  }

  private async useOf(user: ExistingUser, presented: PresentedFactor, rp: RelyingParty | null): Promise<SecondFactorUse | null> {
    const factors = user.secondFactors;
    if (typeof presented.otp === 'string' && presented.otp.length <= 64) {
      const otp = presented.otp.replace(/[\s-]/g, '');
      if (/^\d{6}$/.test(otp)) {
        if (factors.totp === null) return null;
        const timeStep = await this.totpTimeStep(factors.totp.secret, otp);
        return timeStep === null ? null : { factor: 'totp', timeStep };
      }
      const index = factors.recoveryCodeHashes.indexOf(recoveryCodeHash(otp));
      return index < 0 ? null : { factor: 'recovery-code', recoveryCodeIndex: index };
    }
    if (presented.passkey !== undefined && rp !== null) {
      const response = presented.passkey as AuthenticationResponseJSON;
      const passkey = factors.passkeys.find((candidate) => candidate.credentialId === response?.id);
      // The challenge is spent whether or not the assertion is this user's.
      const challenge = this.take(challengeOf(response), null, 'sign-in');
      if (!passkey || challenge === null) return null;
      try {
        const { verified, authenticationInfo } = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: passkey.transports as never },
        });
        return verified ? { factor: 'passkey', credentialId: passkey.credentialId, counter: authenticationInfo.newCounter } : null;
      } catch {
        return null;
      }
    }
    return null;
  }

  private async totpTimeStep(secret: string, code: string): Promise<number | null> {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return null;
    const result = await verifyTotp({ secret, token, epoch: Math.floor(this.clock.now().getTime() / 1000), epochTolerance: TOTP_TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  private remember(challenge: string, userId: string | null, purpose: 'registration' | 'sign-in'): void {
    const now = this.clock.now().getTime();
    this.db.prepare('DELETE FROM webauthn_challenges WHERE created_at < ?').run(now - CHALLENGE_MS);
    this.db.prepare('INSERT INTO webauthn_challenges (challenge, user_id, purpose, created_at) VALUES (?, ?, ?, ?)').run(challenge, userId, purpose, now);
  }

  /** The challenge, if this node gave it for this purpose (and user) within 5 minutes; it is spent either way. */
  private take(challenge: string | null, userId: string | null, purpose: 'registration' | 'sign-in'): string | null {
    if (challenge === null || challenge.length > 200) return null;
    const row = this.db.prepare('DELETE FROM webauthn_challenges WHERE challenge = ? AND purpose = ? RETURNING user_id, created_at').get(challenge, purpose) as
      | { user_id: string | null; created_at: number }
      | undefined;
    if (!row || row.user_id !== userId || this.clock.now().getTime() - row.created_at > CHALLENGE_MS) return null;
    return challenge;
  }

  private async handle(userId: string, command: UserCommand, context: CommandContext): Promise<ExistingUser> {
    const { state } = await this.aggregates.handle(userStreamId(userId), userDecider, command, context);
    if (state.status === 'none') throw notFound('No such user.');
    return state;
  }
}

/** Ten random characters in two groups, from an alphabet without look-alikes: 50 bits each. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('base64url');
}

/** The challenge a WebAuthn response answers, from its client data. */
function challengeOf(response: unknown): string | null {
  try {
    const clientDataJSON = (response as { response?: { clientDataJSON?: unknown } })?.response?.clientDataJSON;
    if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4096) return null;
    const challenge = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'))?.challenge;
    return typeof challenge === 'string' ? challenge : null;
  } catch {
    return null;
  }
}
