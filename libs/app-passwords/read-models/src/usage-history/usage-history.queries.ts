import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput, forbidden } from '@keyward/shared/domain';
import type { EventStore } from '@keyward/shared/event-store';
import { decodeCursor, encodeCursor, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { EVENT_STORE, READ_MODEL_DB } from '@keyward/shared/server';
import { can, type UserPrincipal } from '@keyward/identity/domain';
import { credentialAttempts, newestFirst, type SignInAttempt, type TimelineEntry, type TimelineKey } from './sign-in-timeline';

export type { SignInAttempt } from './sign-in-timeline';

/** Whose attempts: one credential's, or one user's (with the failures that named the user but matched no credential). */
export type SignInSubject = { appPasswordId: string } | { userId: string; userPrincipalName: string };

export interface SignInAttemptPage {
  items: { item: SignInAttempt; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export class GetSignInAttemptsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly subject: SignInSubject,
    readonly outcome: 'USED' | 'REJECTED' | null,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

/** The credentials whose attempts a subject covers, and the unattributed failures that named the user. */
interface Scope {
  readonly tenantId: string;
  readonly appPasswordIds: string[];
  readonly principalName: string | null;
}

type RejectionRow = {
  stream: string;
  revision: number;
  occurred_at: string;
  reason: string;
  app_password_id: string | null;
  user_id: string | null;
  protocol: string | null;
  source_ip: string | null;
  client: string | null;
};

/**
 * A timeline of sign-in attempts, newest first. Rejections come from the read model (it keeps a
 * row for each); the rest is read from the credentials' usage streams in the store and merged.
 * Counts come from the daily counts, so no page costs more than its own rows.
 */
@QueryHandler(GetSignInAttemptsQuery)
export class GetSignInAttemptsHandler implements IQueryHandler<GetSignInAttemptsQuery, SignInAttemptPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ principal, subject, outcome, first, after }: GetSignInAttemptsQuery): Promise<SignInAttemptPage> {
    const scope = this.scopeOf(principal, subject);
    const before = after ? cursorKey(after) : null;
    if (!scope) return { items: [], hasNextPage: false, totalCount: 0 };
    const entries = outcome === 'USED' ? [] : this.rejections(scope, before, first + 1);
    if (outcome !== 'REJECTED') {
      const fromStreams = await Promise.all(scope.appPasswordIds.map((id) => credentialAttempts(this.store, this.db, id, before, first + 1, true)));
      entries.push(...fromStreams.flat());
    }
    const page = entries
      .filter((entry) => outcome === null || entry.attempt.outcome === outcome)
      .sort(newestFirst)
      .slice(0, first + 1);
    return {
      items: page.slice(0, first).map(({ key, attempt }) => ({ item: attempt, cursor: encodeCursor([key.occurredAt, key.stream, key.revision]) })),
      hasNextPage: page.length > first,
      totalCount: this.count(scope, outcome),
    };
  }

  /** What the principal may read of the subject (`appPasswords.read`): null for a credential out of reach. */
  private scopeOf(principal: UserPrincipal, subject: SignInSubject): Scope | null {
    if ('appPasswordId' in subject) {
      const row = this.db.prepare('SELECT tenant_id, user_id FROM app_password_list WHERE app_password_id = ?').get(subject.appPasswordId) as
        | { tenant_id: string; user_id: string }
        | undefined;
      if (!row || !can(principal, 'appPasswords.read', { tenantId: row.tenant_id, ownerId: row.user_id })) return null;
      return { tenantId: row.tenant_id, appPasswordIds: [subject.appPasswordId], principalName: null };
    }
    if (!can(principal, 'appPasswords.read', { tenantId: principal.tenantId, ownerId: subject.userId })) {
      throw forbidden('You can only read your own sign-ins.');
    }
    const ids = this.db
      .prepare('SELECT app_password_id FROM app_password_list WHERE user_id = ? AND tenant_id = ?')
      .pluck()
      .all(subject.userId, principal.tenantId) as string[];
    return { tenantId: principal.tenantId, appPasswordIds: ids, principalName: subject.userPrincipalName.toLowerCase() };
  }

  private rejections(scope: Scope, before: TimelineKey | null, count: number): TimelineEntry[] {
    const subjects = scope.appPasswordIds.map((_, i) => `@id${i}`);
    const where = new WhereClause('r.tenant_id = @tenantId', { tenantId: scope.tenantId }).always(
      `(r.app_password_id IN (${subjects.join(', ') || 'NULL'})${scope.principalName ? ' OR (r.user_id IS NULL AND r.user_principal_name = @principal)' : ''})`,
      { ...Object.fromEntries(scope.appPasswordIds.map((id, i) => [`id${i}`, id])), ...(scope.principalName ? { principal: scope.principalName } : {}) },
    );
    if (before) {
      where.always('(r.occurred_at < @at OR (r.occurred_at = @at AND (r.stream < @stream OR (r.stream = @stream AND r.revision < @revision))))', {
        at: before.occurredAt,
        stream: before.stream,
        revision: before.revision,
      });
    }
    const rows = this.db
      .prepare(`SELECT r.* FROM usage_rejections r WHERE ${where} ORDER BY r.occurred_at DESC, r.stream DESC, r.revision DESC LIMIT @limit`)
      .all({ ...where.params, limit: count }) as RejectionRow[];
    return rows.map((row) => ({
      key: { occurredAt: row.occurred_at, stream: row.stream, revision: row.revision },
      attempt: {
        occurredAt: row.occurred_at,
        outcome: 'REJECTED',
        reason: row.reason,
        appPasswordId: row.app_password_id,
        userId: row.user_id,
        protocol: row.protocol,
        sourceIp: row.source_ip,
        client: row.client,
      },
    }));
  }

  private count(scope: Scope, outcome: 'USED' | 'REJECTED' | null): number {
    const ids = scope.appPasswordIds;
    const sums = ids.length
      ? (this.db
          .prepare(`SELECT coalesce(sum(uses), 0) AS uses, coalesce(sum(rejections), 0) AS rejections FROM usage_monthly WHERE app_password_id IN (${ids.map(() => '?').join(', ')})`)
          .get(...ids) as { uses: number; rejections: number })
      : { uses: 0, rejections: 0 };
    const failures = scope.principalName
      ? (this.db.prepare('SELECT count(*) AS n FROM usage_rejections WHERE user_id IS NULL AND user_principal_name = ? AND tenant_id = ?').get(scope.principalName, scope.tenantId) as { n: number }).n
      : 0;
    if (outcome === 'USED') return sums.uses;
    if (outcome === 'REJECTED') return sums.rejections + failures;
    return sums.uses + sums.rejections + failures;
  }
}

function cursorKey(cursor: string): TimelineKey {
  const keys = decodeCursor(cursor, ['string', 'string', 'number']);
  if (!keys) throw badInput('The cursor is not valid.');
  return { occurredAt: keys[0] as string, stream: keys[1] as string, revision: keys[2] as number };
}
