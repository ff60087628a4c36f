import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput, forbidden } from '@keyward/shared/domain';
import { containsPattern, decodeCursor, encodeCursor, normalisedInstant, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import { hasRole, hasTenantWideRead, type AppPasswordScope, type Caller } from '@keyward/identity/domain';
import type { AppPasswordStatus } from '@keyward/app-passwords/domain';

/** A row of the app-password list. Carries no hash: the read model never had one. */
export interface AppPasswordListItem {
  id: string;
  tenantId: string;
  userId: string;
  userPrincipalName: string;
  label: string;
  scopes: AppPasswordScope[];
  status: AppPasswordStatus;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  lastUsedProtocol: string | null;
  lastUsedClient: string | null;
  useCount: number;
}

export interface AppPasswordFilter {
  userId?: string | null;
  status?: AppPasswordStatus | null;
  /** Part of the label or of the owner's principal name. */
  search?: string | null;
  createdAfter?: string | null;
  createdBefore?: string | null;
  lastUsedAfter?: string | null;
  lastUsedBefore?: string | null;
  isNeverUsed?: boolean | null;
}

export interface AppPasswordPage {
  items: { item: AppPasswordListItem; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export class GetAppPasswordsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: AppPasswordFilter,
    readonly first: number,
    readonly after: string | null,
  ) {}
}

export class GetAppPasswordQuery {
  constructor(
    readonly caller: Caller,
    readonly appPasswordId: string,
  ) {}
}

// An active credential past its expiry is shown as EXPIRED before any expiry event exists.
const STATUS_SQL = `CASE WHEN l.status = 'ACTIVE' AND l.expires_at IS NOT NULL AND l.expires_at <= @now THEN 'EXPIRED' ELSE l.status END`;
const SELECT_ROWS = `SELECT l.*, o.user_principal_name, ${STATUS_SQL} AS effective_status
  FROM app_password_list l LEFT JOIN app_password_owners o ON o.user_id = l.user_id`;

/** Rows the caller may see: the whole tenant for admins, auditors and responders; their own otherwise. */
function visibleTo(caller: Caller, now: Date): WhereClause {
  const where = new WhereClause('l.tenant_id = @tenantId', { tenantId: caller.tenantId, now: now.toISOString() });
  if (hasTenantWideRead(caller.roles)) return where;
  if (hasRole(caller, 'USER')) return where.always('l.user_id = @callerId', { callerId: caller.userId });
  throw forbidden();
}

function filtered(where: WhereClause, filter: AppPasswordFilter): WhereClause {
  where
    .when(filter.userId, 'l.user_id = @userId', 'userId')
    .when(filter.status, `${STATUS_SQL} = @status`, 'status')
    .when(filter.search ? containsPattern(filter.search) : null, `(l.label LIKE @search ESCAPE '\\' OR o.user_principal_name LIKE @search ESCAPE '\\')`, 'search')
    .when(instant(filter.createdAfter, 'createdAfter'), 'l.created_at >= @createdAfter', 'createdAfter')
    .when(instant(filter.createdBefore, 'createdBefore'), 'l.created_at < @createdBefore', 'createdBefore')
    .when(instant(filter.lastUsedAfter, 'lastUsedAfter'), 'l.last_used_at >= @lastUsedAfter', 'lastUsedAfter')
    .when(instant(filter.lastUsedBefore, 'lastUsedBefore'), 'l.last_used_at < @lastUsedBefore', 'lastUsedBefore');
  if (filter.isNeverUsed === true) where.always('l.last_used_at IS NULL');
  if (filter.isNeverUsed === false) where.always('l.last_used_at IS NOT NULL');
  return where;
}

function instant(value: string | null | undefined, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const normalised = normalisedInstant(value);
  if (!normalised) throw badInput(`${name} must be an ISO-8601 date-time.`);
  return normalised;
}

type Row = Record<string, string | number | null> & { effective_status: AppPasswordStatus };

function toItem(row: Row): AppPasswordListItem {
  return {
    id: row['app_password_id'] as string,
    tenantId: row['tenant_id'] as string,
    userId: row['user_id'] as string,
    userPrincipalName: (row['user_principal_name'] as string | null) ?? '',
    label: row['label'] as string,
    scopes: JSON.parse(row['scopes'] as string),
    status: row.effective_status,
    createdAt: row['created_at'] as string,
    createdBy: row['created_by'] as string,
    expiresAt: row['expires_at'] as string | null,
    revokedAt: row['revoked_at'] as string | null,
    revokedBy: row['revoked_by'] as string | null,
    revokeReason: row['revoke_reason'] as string | null,
    lastUsedAt: row['last_used_at'] as string | null,
    lastUsedIp: row['last_used_ip'] as string | null,
    lastUsedProtocol: row['last_used_protocol'] as string | null,
    lastUsedClient: row['last_used_client'] as string | null,
    useCount: row['use_count'] as number,
  };
}

@QueryHandler(GetAppPasswordsQuery)
export class GetAppPasswordsHandler implements IQueryHandler<GetAppPasswordsQuery, AppPasswordPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caller, filter, first, after }: GetAppPasswordsQuery): Promise<AppPasswordPage> {
    const where = filtered(visibleTo(caller, this.clock.now()), filter);
    const count = this.db.prepare(`SELECT count(*) AS n FROM app_password_list l LEFT JOIN app_password_owners o ON o.user_id = l.user_id WHERE ${where}`);
    const totalCount = (count.get(where.params) as { n: number }).n;
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      where.always('(l.created_at < @afterCreated OR (l.created_at = @afterCreated AND l.app_password_id < @afterId))', {
        afterCreated: keys[0],
        afterId: keys[1],
      });
    }
    const rows = this.db
      .prepare(`${SELECT_ROWS} WHERE ${where} ORDER BY l.created_at DESC, l.app_password_id DESC LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as Row[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toItem(row), cursor: encodeCursor([row['created_at'] as string, row['app_password_id'] as string]) })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

@QueryHandler(GetAppPasswordQuery)
export class GetAppPasswordHandler implements IQueryHandler<GetAppPasswordQuery, AppPasswordListItem | null> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caller, appPasswordId }: GetAppPasswordQuery): Promise<AppPasswordListItem | null> {
    const where = visibleTo(caller, this.clock.now()).always('l.app_password_id = @id', { id: appPasswordId });
    const row = this.db.prepare(`${SELECT_ROWS} WHERE ${where}`).get(where.params) as Row | undefined;
    return row ? toItem(row) : null;
  }
}
