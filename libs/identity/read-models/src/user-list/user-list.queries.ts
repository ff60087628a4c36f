import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import { containsPattern, decodeCursor, encodeCursor, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { authorizeTenantWide, can, type Role, type UserPrincipal } from '@keyward/identity/domain';

/** A row of the user list, as screens see it. */
export interface UserListItem {
  id: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  mfaRegistered: boolean;
  isEnabled: boolean;
  createdAt: string;
}

export interface UserFilter {
  /** Matches the principal name or the display name. */
  search?: string | null;
  role?: Role | null;
  isEnabled?: boolean | null;
}

export interface Page<T> {
  items: { item: T; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export class GetUsersQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: UserFilter,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

export class GetUserQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly userId: string,
  ) {}
}

export class GetTenantIdForDomainQuery {
  constructor(readonly domain: string) {}
}

interface UserRow {
  user_id: string;
  tenant_id: string;
  user_principal_name: string;
  display_name: string;
  roles: string;
  mfa_registered: number;
  is_enabled: number;
  created_at: string;
}

function toItem(row: UserRow): UserListItem {
  return {
    id: row.user_id,
    tenantId: row.tenant_id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    roles: JSON.parse(row.roles),
    mfaRegistered: row.mfa_registered === 1,
    isEnabled: row.is_enabled === 1,
    createdAt: row.created_at,
  };
}

@QueryHandler(GetUsersQuery)
export class GetUsersHandler implements IQueryHandler<GetUsersQuery, Page<UserListItem>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, filter, first, after }: GetUsersQuery): Promise<Page<UserListItem>> {
    authorizeTenantWide(principal, 'users.read');
    const where = new WhereClause('tenant_id = @tenantId', { tenantId: principal.tenantId })
      .when(filter.search ? containsPattern(filter.search) : null, `(user_principal_name LIKE @search ESCAPE '\\' OR display_name LIKE @search ESCAPE '\\')`, 'search')
      .when(filter.role, 'EXISTS (SELECT 1 FROM json_each(roles) WHERE value = @role)', 'role');
    if (filter.isEnabled !== null && filter.isEnabled !== undefined) where.always('is_enabled = @isEnabled', { isEnabled: filter.isEnabled ? 1 : 0 });
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM user_list WHERE ${where}`).get(where.params) as { n: number }).n;
    if (after) {
      const keys = decodeCursor(after, ['string']);
      if (!keys) throw badInput('The cursor is not valid.');
      where.always('user_principal_name > @afterName', { afterName: keys[0] });
    }
    const rows = this.db
      .prepare(`SELECT * FROM user_list WHERE ${where} ORDER BY user_principal_name LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as UserRow[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toItem(row), cursor: encodeCursor([row.user_principal_name]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, UserListItem | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, userId }: GetUserQuery): Promise<UserListItem | null> {
    const row = this.db.prepare('SELECT * FROM user_list WHERE user_id = ?').get(userId) as UserRow | undefined;
    return row && can(principal, 'users.read', { tenantId: row.tenant_id, ownerId: row.user_id }) ? toItem(row) : null;
  }
}

@QueryHandler(GetTenantIdForDomainQuery)
export class GetTenantIdForDomainHandler implements IQueryHandler<GetTenantIdForDomainQuery, string | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ domain }: GetTenantIdForDomainQuery): Promise<string | null> {
    const row = this.db.prepare('SELECT tenant_id FROM tenant_domains WHERE domain = ?').get(domain.toLowerCase()) as
      | { tenant_id: string }
      | undefined;
    return row?.tenant_id ?? null;
  }
}

/** The principal names of the given users of a tenant (a report naming who did what). */
export function userPrincipalNames(db: ReadModelDatabase, tenantId: string, userIds: readonly string[]): Map<string, string> {
  const rows = db.prepare('SELECT user_id AS id, user_principal_name AS upn FROM user_list WHERE tenant_id = ? AND user_id IN (SELECT value FROM json_each(?))').all(tenantId, JSON.stringify(userIds)) as {
    id: string;
    upn: string;
  }[];
  return new Map(rows.map(({ id, upn }) => [id, upn]));
}
