import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { FailureThrottle, verifyAgainstNothing, verifySecret } from '@keyward/shared/security';
import { CLOCK, KEYWARD_CONFIG, READ_MODEL_DB, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { isPasswordSignInAllowed, parseUserPrincipalName, userIdFor, type ExistingUser, type SignInMethod, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

interface SessionRow {
  user_id: string;
  created_at: number;
  last_seen_at: number;
  user_revision: number;
  method: SignInMethod;
}

/** What a sign-in came to. `sso-required`: the password was right, and the tenant signs in with single sign-on only. */
export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly token: string }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'sso-required' }
  | { readonly outcome: 'throttled'; readonly retryAfterSeconds: number };

/** How often a session's last-seen time is written while it is in use. */
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
  }

  /**
   * Checks the console password and opens a session. Unknown user, disabled user and wrong
   * password are all `refused` after the same argon2 work; after ten failures in a row an
   * account waits longer and longer, except from addresses it signed in from before.
   */
  async signIn(userPrincipalName: string, password: string, sourceIp: string | null = null): Promise<SignInResult> {
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
      ticket.succeeded();
      // Told only to whoever knows the password: the tenant has turned password sign-in off.
      if (!isPasswordSignInAllowed((await this.directory.tenantOf(user)).policy)) return { outcome: 'sso-required' };
      return { outcome: 'signed-in', token: this.open(user, 'password') };
    } finally {
      ticket.abandoned();
    }
  }

  /** Opens a session for a user whom single sign-on has just authenticated (an enabled user). */
  openSsoSession(user: ExistingUser): string {
    return this.open(user, 'sso');
  }

  private open(user: ExistingUser, method: SignInMethod): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    this.db
      .prepare('INSERT INTO console_sessions (token_hash, user_id, created_at, last_seen_at, user_revision, method) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hashToken(token), user.userId, now, now, user.revision, method);
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
    return { kind: 'user', userId: user.userId, tenantId: user.tenantId, userPrincipalName: user.userPrincipalName, roles: user.roles, signInMethod: row.method };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
