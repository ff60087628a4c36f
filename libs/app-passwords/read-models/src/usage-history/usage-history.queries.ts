import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput, forbidden } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { can, scopeOf, type UserPrincipal } from '@keyward/identity/domain';

/** One sign-in attempt: a use, or a rejection with its reason. */
export interface SignInAttempt {
  occurredAt: string;
  outcome: 'USED' | 'REJECTED';
  /** Why it was rejected (`WRONG_SECRET`, `REVOKED`, `UNKNOWN_CREDENTIAL`…); null for a use. */
  reason: string | null;
  appPasswordId: string | null;
  userId: string | null;
  protocol: string | null;
  sourceIp: string | null;
  client: string | null;
}

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

type Row = {
  stream: string;
  revision: number;
  occurred_at: string;
  outcome: 'USED' | 'REJECTED';
  reason: string | null;
  app_password_id: string | null;
  user_id: string | null;
  protocol: string | null;
  source_ip: string | null;
  client: string | null;
};

/** Attempts the principal may read (`appPasswords.read`): the tenant's, or only its own. */
export function attemptsVisibleTo(principal: UserPrincipal, subject: SignInSubject): WhereClause {
  const scope = scopeOf(principal, 'appPasswords.read');
  if (scope === null) throw forbidden('This needs the permission appPasswords.read.');
  const where = new WhereClause('h.tenant_id = @tenantId', { tenantId: principal.tenantId });
  if ('appPasswordId' in subject) {
    if (scope === 'OWN') where.always('h.user_id = @principalId', { principalId: principal.userId });
    return where.always('h.app_password_id = @appPasswordId', { appPasswordId: subject.appPasswordId });
  }
  if (!can(principal, 'appPasswords.read', { tenantId: principal.tenantId, ownerId: subject.userId })) {
    throw forbidden('You can only read your own sign-ins.');
  }
  // Failures that matched no credential carry only the name that was typed; they are the user's too.
  return where.always('(h.user_id = @userId OR (h.user_id IS NULL AND h.user_principal_name = @principal))', {
    userId: subject.userId,
    principal: subject.userPrincipalName.toLowerCase(),
  });
}

@QueryHandler(GetSignInAttemptsQuery)
export class GetSignInAttemptsHandler implements IQueryHandler<GetSignInAttemptsQuery, SignInAttemptPage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, subject, outcome, first, after }: GetSignInAttemptsQuery): Promise<SignInAttemptPage> {
    const where = attemptsVisibleTo(principal, subject).when(outcome, 'h.outcome = @outcome', 'outcome');
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM usage_history h WHERE ${where}`).get(where.params) as { n: number }).n;
    if (after) {
      const keys = decodeCursor(after, ['string', 'string', 'number']);
      if (!keys) throw badInput('The cursor is not valid.');
      where.always(
        '(h.occurred_at < @at OR (h.occurred_at = @at AND (h.stream < @stream OR (h.stream = @stream AND h.revision < @revision))))',
        { at: keys[0], stream: keys[1], revision: keys[2] },
      );
    }
    const rows = this.db
      .prepare(`SELECT h.* FROM usage_history h WHERE ${where} ORDER BY h.occurred_at DESC, h.stream DESC, h.revision DESC LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as Row[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toAttempt(row), cursor: encodeCursor([row.occurred_at, row.stream, row.revision]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

function toAttempt(row: Row): SignInAttempt {
  return {
    occurredAt: row.occurred_at,
    outcome: row.outcome,
    reason: row.reason,
    appPasswordId: row.app_password_id,
    userId: row.user_id,
    protocol: row.protocol,
    sourceIp: row.source_ip,
    client: row.client,
  };
}
