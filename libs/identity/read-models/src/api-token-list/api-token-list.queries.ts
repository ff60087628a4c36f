import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { can, scopeOf, type Role, type UserPrincipal } from '@keyward/identity/domain';
import type { Page } from '../user-list/user-list.queries';

/** A token as the console lists it: never the token or its hash. */
export interface ApiTokenListItem {
  id: string;
  userId: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** The tokens the principal may read: a global admin the tenant's, anyone else their own; newest first. */
export class GetApiTokensQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

/** One token, if the principal may read it. */
export class GetApiTokenQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly apiTokenId: string,
  ) {}
}

/**
 * Who an actor `token:<id>` is, for people reading the audit trail: the token's name and its
 * creator's principal name; null outside the reader's tenant.
 */
export class GetApiTokenActorQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly apiTokenId: string,
  ) {}
}

interface ApiTokenRow {
  api_token_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  role: Role;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

@QueryHandler(GetApiTokensQuery)
export class GetApiTokensHandler implements IQueryHandler<GetApiTokensQuery, Page<ApiTokenListItem>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, first, after }: GetApiTokensQuery): Promise<Page<ApiTokenListItem>> {
    const scope = scopeOf(principal, 'apiTokens.read');
    const where = new WhereClause('tenant_id = @tenantId', { tenantId: principal.tenantId });
    if (scope !== 'TENANT') where.always('user_id = @userId', { userId: principal.userId });
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM api_token_list WHERE ${where}`).get(where.params) as { n: number }).n;
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      where.always('(created_at < @afterAt OR (created_at = @afterAt AND api_token_id < @afterId))', { afterAt: keys[0], afterId: keys[1] });
    }
    const rows = this.db
      .prepare(`SELECT * FROM api_token_list WHERE ${where} ORDER BY created_at DESC, api_token_id DESC LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as ApiTokenRow[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toItem(row), cursor: encodeCursor([row.created_at, row.api_token_id]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

@QueryHandler(GetApiTokenQuery)
export class GetApiTokenHandler implements IQueryHandler<GetApiTokenQuery, ApiTokenListItem | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, apiTokenId }: GetApiTokenQuery): Promise<ApiTokenListItem | null> {
    const row = this.db.prepare('SELECT * FROM api_token_list WHERE api_token_id = ?').get(apiTokenId) as ApiTokenRow | undefined;
    return row && can(principal, 'apiTokens.read', { tenantId: row.tenant_id, ownerId: row.user_id }) ? toItem(row) : null;
  }
}

@QueryHandler(GetApiTokenActorQuery)
export class GetApiTokenActorHandler implements IQueryHandler<GetApiTokenActorQuery, { name: string; userPrincipalName: string } | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, apiTokenId }: GetApiTokenActorQuery): Promise<{ name: string; userPrincipalName: string } | null> {
    if (!can(principal, 'auditTrail.read', { tenantId: principal.tenantId })) return null;
    const row = this.db
      .prepare('SELECT t.name, u.user_principal_name FROM api_token_list t JOIN user_list u ON u.user_id = t.user_id WHERE t.api_token_id = ? AND t.tenant_id = ?')
      .get(apiTokenId, principal.tenantId) as { name: string; user_principal_name: string } | undefined;
    return row ? { name: row.name, userPrincipalName: row.user_principal_name } : null;
  }
}

function toItem(row: ApiTokenRow): ApiTokenListItem {
  return {
    id: row.api_token_id,
    userId: row.user_id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
