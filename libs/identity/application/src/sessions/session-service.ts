import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { FailureThrottle, verifyAgainstNothing, verifySecret } from '@keyward/shared/security';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig, type RelyingParty } from '@keyward/shared/server';
import {
  hasSecondFactor,
  isPasswordSignInAllowed,
  parseUserPrincipalName,
  userIdFor,
  type ConsoleMfaStanding,
  type ExistingUser,
  type SignInMethod,
  type UserPrincipal,
} from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';
import { SecondFactorService, type PresentedFactor } from '../second-factors/second-factor.service';

interface SessionRow {
  user_id: string;
  created_at: number;
  last_seen_at: number;
  user_revision: number;
  method: SignInMethod;
  authenticated_at: number;
  must_enrol: number;
}

/** The factors a user may complete a sign-in or step-up with, when the password alone is not enough. */
export interface SecondFactorChoice {
  readonly totp: boolean;
  readonly passkey: boolean;
}

/** The second factor a sign-in or step-up presents, if any, and where from. */
export interface SecondFactorAttempt extends PresentedFactor {
  /** Where passkey assertions come from (the console's host). */
  readonly relyingParty?: RelyingParty;
  readonly correlationId?: string;
}

/** The password was right and the user has a second factor: it was missing or wrong (the same answer). */
type SecondFactorRequired = { readonly outcome: 'second-factor-required'; readonly factors: SecondFactorChoice };
type ThrottleTicket = ReturnType<FailureThrottle['begin']>;

/** What a sign-in came to. `sso-required`: the password was right, and the tenant signs in with single sign-on only. */
export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly token: string; readonly mfa: ConsoleMfaStanding }
  | { readonly outcome: 'refused' }
  | SecondFactorRequired
  | { readonly outcome: 'sso-required' }
  | { readonly outcome: 'throttled'; readonly retryAfterSeconds: number };

/** How often a session's last use is written: at most once a minute, and well within the idle timeout. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Console sessions: a random 256-bit token in an HttpOnly cookie; only its SHA-256 is stored, in
 * this node's database, with idle and absolute timeouts. A new token at every sign-in. A session
 * keeps the revision of its user's stream it began at: a disable or a password reset after it
 * ends it, on whichever node it is used, even once the user is enabled again.
 */
@Injectable()
export class SessionService {
  /** Console passwords get the same guessing brake as app passwords. */
  private readonly throttle = new FailureThrottle({ accountFailuresBeforeDelay: 10, addressFailures: 100, addressWindowSeconds: 900 });

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: Directory,
    private readonly secondFactors: SecondFactorService,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS console_sessions (
      token_hash   TEXT PRIMARY KEY,
      user_id      TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL
    )`);
    // Sessions from before the revision was kept get -1: any disable or reset in the user's history ends them.
    const columns = db.prepare('PRAGMA table_info(console_sessions)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'user_revision')) db.exec('ALTER TABLE console_sessions ADD COLUMN user_revision INTEGER NOT NULL DEFAULT -1');
    if (!columns.some((column) => column.name === 'method')) db.exec("ALTER TABLE console_sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password'");
    if (!columns.some((column) => column.name === 'authenticated_at')) db.exec('ALTER TABLE console_sessions ADD COLUMN authenticated_at INTEGER NOT NULL DEFAULT 0');
    if (!columns.some((column) => column.name === 'must_enrol')) db.exec('ALTER TABLE console_sessions ADD COLUMN must_enrol INTEGER NOT NULL DEFAULT 0');
  }

  /**
   * Checks the console password and opens a session. Unknown user, disabled user and wrong
   * password are all `refused` after the same argon2 work; after ten failures in a row an
   * account waits longer and longer, except from addresses it signed in from before. A user with
   * a second factor must present it too; a wrong one counts as a failure like a wrong password.
   */
  async signIn(userPrincipalName: string, password: string, sourceIp: string | null = null, attempt: SecondFactorAttempt = {}): Promise<SignInResult> {
    const upn = parseUserPrincipalName(userPrincipalName);
    // Reserved before the check (a burst gets only the budget checked), and counted by the name
    // tried whether or not it is an account, so that the throttle's answers tell nothing.
    const ticket = this.throttle.begin(upn?.value ?? null, sourceIp);
    if (ticket.waitSeconds > 0) return { outcome: 'throttled', retryAfterSeconds: ticket.waitSeconds };
    try {
      const user = upn ? await this.directory.user(userIdFor(upn.value)) : { status: 'none' as const };
      if (user.status === 'none' || user.passwordHash === null) {
        await verifyAgainstNothing(password);
        ticket.failed();
        return { outcome: 'refused' };
      }
      const isValid = await verifySecret(user.passwordHash, password);
      if (!isValid || user.status !== 'enabled') {
        ticket.failed();
        return { outcome: 'refused' };
      }
      const refusal = await this.secondFactorRefusal(user, attempt, ticket);
      if (refusal) return refusal;
      ticket.succeeded();
      // Told only to whoever knows the password: the tenant has turned password sign-in off.
      const { policy } = await this.directory.tenantOf(user);
      if (!isPasswordSignInAllowed(policy)) return { outcome: 'sso-required' };
      const mfa = await this.secondFactors.standingOf(user, policy);
      return { outcome: 'signed-in', token: this.open(user, 'password', mfa.status === 'enrolment-required'), mfa };
    } finally {
      ticket.abandoned();
    }
  }

  /**
   * Confirms the session's user again (DESIGN §8, `POST /auth/step-up`): the password and, when they
   * have one, the second factor. Sensitive operations are then allowed for KEYWARD_STEP_UP_SECONDS.
   * Guessing is throttled like sign-in.
   */
  async stepUp(token: string, password: string, sourceIp: string | null, attempt: SecondFactorAttempt): Promise<Exclude<SignInResult, { outcome: 'signed-in' | 'sso-required' }> | { outcome: 'stepped-up' }> {
    const principal = await this.principalFor(token);
    if (principal === null) return { outcome: 'refused' };
    const ticket = this.throttle.begin(principal.userPrincipalName, sourceIp);
    if (ticket.waitSeconds > 0) return { outcome: 'throttled', retryAfterSeconds: ticket.waitSeconds };
    try {
      const user = await this.directory.user(principal.userId);
      if (user.status !== 'enabled') return { outcome: 'refused' };
      if (user.passwordHash === null || !(await verifySecret(user.passwordHash, password))) {
        ticket.failed();
        return { outcome: 'refused' };
      }
      const refusal = await this.secondFactorRefusal(user, attempt, ticket);
      if (refusal) return refusal;
      ticket.succeeded();
      this.db.prepare('UPDATE console_sessions SET authenticated_at = ? WHERE token_hash = ?').run(this.clock.now().getTime(), hashToken(token));
      return { outcome: 'stepped-up' };
    } finally {
      ticket.abandoned();
    }
  }

  /** Opens a session for a user whom single sign-on has just authenticated (an enabled user; the identity provider asked for their factors). */
  openSsoSession(user: ExistingUser): string {
    return this.open(user, 'sso', false);
  }

  /**
   * The second-factor step of a sign-in or step-up whose password was right: null when the user
   * has no factor or presented a right one; otherwise the one answer for a missing and a wrong
   * one, a wrong one counting as a failure like a wrong password.
   */
  private async secondFactorRefusal(user: ExistingUser, attempt: SecondFactorAttempt, ticket: ThrottleTicket): Promise<SecondFactorRequired | null> {
    if (!hasSecondFactor(user.secondFactors)) return null;
    const isPresented = attempt.otp !== undefined || attempt.passkey !== undefined;
    if (isPresented && (await this.secondFactors.verify(user, attempt, attempt.relyingParty ?? null, attempt.correlationId ?? randomUUID()))) return null;
    if (isPresented) ticket.failed();
    return { outcome: 'second-factor-required', factors: choiceOf(user) };
  }

  private open(user: ExistingUser, method: SignInMethod, mustEnrol: boolean): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    this.db
      .prepare('INSERT INTO console_sessions (token_hash, user_id, created_at, last_seen_at, user_revision, method, authenticated_at, must_enrol) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), user.userId, now, now, user.revision, method, now, mustEnrol ? 1 : 0);
    return token;
  }

  signOut(token: string): void {
    this.db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(hashToken(token));
  }

  /** Ends every console session of the user on this node (after a password reset, or when disabled). */
  endSessionsOf(userId: string): void {
    this.db.prepare('DELETE FROM console_sessions WHERE user_id = ?').run(userId);
  }

  /** The principal a session token stands for, or null if it is unknown, expired or its user is disabled. */
  async principalFor(token: string): Promise<UserPrincipal | null> {
    if (token.length > 100) return null;
    const tokenHash = hashToken(token);
    const row = this.db.prepare('SELECT * FROM console_sessions WHERE token_hash = ?').get(tokenHash) as
      | SessionRow
      | undefined;
    if (!row) return null;
    const now = this.clock.now().getTime();
    if (now - row.last_seen_at > this.config.sessionIdleMs || now - row.created_at > this.config.sessionMaxMs) {
      this.signOut(token);
      return null;
    }
    const user = await this.directory.user(row.user_id);
    if (user.status !== 'enabled' || user.sessionsEndedAt > row.user_revision) {
      // Disabled or reset since the session began (perhaps on another node, and perhaps enabled
      // again since): the session ends here too.
      this.signOut(token);
      return null;
    }
    if (now - row.last_seen_at > Math.min(TOUCH_INTERVAL_MS, this.config.sessionIdleMs / 4)) {
      this.db.prepare('UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
    }
    return {
      kind: 'user',
      userId: user.userId,
      tenantId: user.tenantId,
      userPrincipalName: user.userPrincipalName,
      roles: user.roles,
      signInMethod: row.method,
      isRecentlyAuthenticated: now - row.authenticated_at <= this.config.stepUpMs,
      // Enrolling lifts it at once: the user's stream says they have a factor now.
      mustEnrol: row.must_enrol === 1 && !hasSecondFactor(user.secondFactors),
    };
  }
}

function choiceOf(user: ExistingUser): SecondFactorChoice {
  return { totp: user.secondFactors.totp !== null, passkey: user.secondFactors.passkeys.length > 0 };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
