import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB } from '@keyward/shared/server';
import { containsPattern, likeEscaped, statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { authorizeTenantWide, type DirectoryProfile, type Role, type UserPrincipal } from '@keyward/identity/domain';

/** A user as a directory (SCIM) sees it: never one it deleted. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  roles: Role[];
  isEnabled: boolean;
  profile: DirectoryProfile;
  createdAt: string;
  lastModified: string;
  /** The user stream's revision: the resource's version (its ETag). */
  revision: number;
}

/** What a directory filter can ask about; each names a column of the user list. */
export const DIRECTORY_ATTRIBUTES = {
  id: { column: 'user_id', kind: 'text', caseExact: true },
  userName: { column: 'user_principal_name', kind: 'text', caseExact: false },
  displayName: { column: 'display_name', kind: 'text', caseExact: false },
  externalId: { column: 'external_id', kind: 'text', caseExact: true },
  'name.givenName': { column: 'given_name', kind: 'text', caseExact: false },
  'name.familyName': { column: 'family_name', kind: 'text', caseExact: false },
  'emails.value': { column: 'email', kind: 'text', caseExact: false },
  active: { column: 'is_enabled', kind: 'boolean', caseExact: true },
  'meta.created': { column: 'created_at', kind: 'instant', caseExact: true },
  'meta.lastModified': { column: 'last_modified', kind: 'instant', caseExact: true },
} as const;
export type DirectoryAttribute = keyof typeof DIRECTORY_ATTRIBUTES;
export type DirectoryOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';

/** One comparison; `value` is already of the attribute's kind (an instant normalised to ISO-8601). */
export interface DirectoryCondition {
  attribute: DirectoryAttribute;
  operator: DirectoryOperator;
  value?: string | boolean;
}
/** Any of the branches, each all of its conditions: the disjunctive form a SCIM filter parses to. */
export type DirectoryFilter = readonly (readonly DirectoryCondition[])[];

export class GetDirectoryUsersQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: DirectoryFilter | null,
    /** 1-based, as SCIM counts. */
    readonly startIndex: number,
    readonly count: number,
  ) {}
}

export class GetDirectoryUserQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly userId: string,
  ) {}
}

/** The users of the tenant who hold a role (a SCIM group's members). */
export class GetRoleHoldersQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly role: Role,
  ) {}
}

/** Whether a directory provisions the tenant's users (it created one over SCIM): then single sign-on creates none. */
export class IsTenantProvisionedQuery {
  constructor(readonly tenantId: string) {}
}

@QueryHandler(IsTenantProvisionedQuery)
export class IsTenantProvisionedHandler implements IQueryHandler<IsTenantProvisionedQuery, boolean> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ tenantId }: IsTenantProvisionedQuery): Promise<boolean> {
    return statement(this.db, 'SELECT 1 FROM user_list WHERE tenant_id = ? AND provisioned = 1 LIMIT 1').get(tenantId) !== undefined;
  }
}

interface DirectoryRow {
  user_id: string;
  user_principal_name: string;
  display_name: string;
  roles: string;
  is_enabled: number;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  directory_mfa: number | null;
  created_at: string;
  last_modified: string;
  revision: number;
}

const COLUMNS = 'user_id, user_principal_name, display_name, roles, is_enabled, external_id, given_name, family_name, email, directory_mfa, created_at, last_modified, revision';

function toDirectoryUser(row: DirectoryRow): DirectoryUser {
  return {
    id: row.user_id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    roles: JSON.parse(row.roles),
    isEnabled: row.is_enabled === 1,
    profile: {
      externalId: row.external_id,
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      ...(row.directory_mfa === null ? {} : { mfaRegistered: row.directory_mfa === 1 }),
    },
    createdAt: row.created_at,
    lastModified: row.last_modified,
    revision: Number(row.revision),
  };
}

/** SQL for one condition, with its value bound as `@p<n>`. */
function conditionSql({ attribute, operator, value }: DirectoryCondition, name: string, params: Record<string, unknown>): string {
  const { column, kind, caseExact } = DIRECTORY_ATTRIBUTES[attribute];
  if (operator === 'pr') return kind === 'text' ? `(${column} IS NOT NULL AND ${column} <> '')` : `${column} IS NOT NULL`;
  params[name] = kind === 'boolean' ? (value ? 1 : 0) : value;
  const collate = caseExact ? '' : ' COLLATE NOCASE';
  switch (operator) {
    case 'eq':
      return `${column}${collate} = @${name}`;
    case 'ne':
      return `(${column} IS NULL OR ${column}${collate} <> @${name})`;
    case 'gt':
      return `${column} > @${name}`;
    case 'ge':
      return `${column} >= @${name}`;
    case 'lt':
      return `${column} < @${name}`;
    case 'le':
      return `${column} <= @${name}`;
    default: {
      // co, sw, ew: LIKE is case-insensitive for ASCII; a case-exact attribute also checks instr/substr.
      const text = String(value);
      params[name] = operator === 'co' ? containsPattern(text) : operator === 'sw' ? `${likeEscaped(text)}%` : `%${likeEscaped(text)}`;
      if (!caseExact) return `${column} LIKE @${name} ESCAPE '\\'`;
      params[`${name}x`] = text;
      const exact = operator === 'co' ? `instr(${column}, @${name}x) > 0` : operator === 'sw' ? `substr(${column}, 1, length(@${name}x)) = @${name}x` : `substr(${column}, -length(@${name}x)) = @${name}x`;
      return `(${column} LIKE @${name} ESCAPE '\\' AND ${exact})`;
    }
  }
}

/** The WHERE clause of a directory filter: the tenant's users the directory has not deleted, and any branch. */
export function directoryWhere(tenantId: string, filter: DirectoryFilter | null): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { tenantId };
  let sql = 'tenant_id = @tenantId AND deprovisioned = 0';
  if (filter && filter.length > 0) {
    const branches = filter.map((branch, b) => `(${branch.map((condition, c) => conditionSql(condition, `p${b}_${c}`, params)).join(' AND ') || '1 = 1'})`);
    sql += ` AND (${branches.join(' OR ')})`;
  }
  return { sql, params };
}

@QueryHandler(GetDirectoryUsersQuery)
export class GetDirectoryUsersHandler implements IQueryHandler<GetDirectoryUsersQuery, { totalResults: number; users: DirectoryUser[] }> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, filter, startIndex, count }: GetDirectoryUsersQuery) {
    authorizeTenantWide(principal, 'directory.provision');
    const { sql, params } = directoryWhere(principal.tenantId, filter);
    const { total } = this.db.prepare(`SELECT count(*) AS total FROM user_list WHERE ${sql}`).get(params) as { total: number };
    const rows =
      count === 0
        ? []
        : (this.db
            .prepare(`SELECT ${COLUMNS} FROM user_list WHERE ${sql} ORDER BY created_at, user_id LIMIT @limit OFFSET @offset`)
            .all({ ...params, limit: count, offset: startIndex - 1 }) as DirectoryRow[]);
    return { totalResults: total, users: rows.map(toDirectoryUser) };
  }
}

@QueryHandler(GetDirectoryUserQuery)
export class GetDirectoryUserHandler implements IQueryHandler<GetDirectoryUserQuery, DirectoryUser | null> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, userId }: GetDirectoryUserQuery): Promise<DirectoryUser | null> {
    authorizeTenantWide(principal, 'directory.provision');
    const row = statement(this.db, `SELECT ${COLUMNS} FROM user_list WHERE user_id = ? AND tenant_id = ? AND deprovisioned = 0`).get(userId, principal.tenantId) as
      | DirectoryRow
      | undefined;
    return row ? toDirectoryUser(row) : null;
  }
}

@QueryHandler(GetRoleHoldersQuery)
export class GetRoleHoldersHandler implements IQueryHandler<GetRoleHoldersQuery, { id: string; userPrincipalName: string }[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase) {}

  async execute({ principal, role }: GetRoleHoldersQuery) {
    authorizeTenantWide(principal, 'directory.provision');
    const rows = statement(
      this.db,
      `SELECT user_id, user_principal_name FROM user_list
        WHERE tenant_id = ? AND deprovisioned = 0 AND EXISTS (SELECT 1 FROM json_each(user_list.roles) WHERE json_each.value = ?)
        ORDER BY user_principal_name`,
    ).all(principal.tenantId, role) as { user_id: string; user_principal_name: string }[];
    return rows.map((row) => ({ id: row.user_id, userPrincipalName: row.user_principal_name }));
  }
}
