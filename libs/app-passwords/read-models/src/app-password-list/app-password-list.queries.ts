import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import type { EventStore } from '@keyward/shared/event-store';
import { normalisedInstant, type ReadModelDatabase, type WhereClause } from '@keyward/shared/read-models';
import { CLOCK, EVENT_STORE, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import type { AppPasswordScope, UserPrincipal } from '@keyward/identity/domain';
import { addressRange, type AppPasswordStatus } from '@keyward/app-passwords/domain';
import { credentialsUsedFrom } from '../usage-history/used-from-address';
import { startOfDay } from '../usage-history/credential-usage.queries';
import type { DayCounts } from '../usage-history/usage-history.projection';
import {
  cursorFor,
  DEFAULT_APP_PASSWORD_SORT,
  filtered,
  listFor,
  ordered,
  sortKeySql,
  STATUS_SQL,
  visibleTo,
  type AppPasswordFilter,
  type AppPasswordSort,
} from './app-password-view';

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

export interface AppPasswordPage {
  items: { item: AppPasswordListItem; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export class GetAppPasswordsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: AppPasswordFilter,
    readonly first: number,
    readonly after: string | null,
    readonly sort: AppPasswordSort = DEFAULT_APP_PASSWORD_SORT,
    /** Whether to count every match; a CSV export reading page after page does not need it. */
    readonly isCounted = true,
  ) {}
}

export class GetAppPasswordQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly appPasswordId: string,
  ) {}
}

const SELECT_ROWS = `SELECT l.*, ${STATUS_SQL} AS effective_status FROM app_password_list l`;

/** An inventory row as the list and its history keep it, with its status at the moment asked about. */
export type AppPasswordRow = Record<string, string | number | null> & { effective_status: AppPasswordStatus };
type Row = AppPasswordRow;

/** An item of the list from its row (the history's versions have the same columns, without sign-ins). */
export function toItem(row: Row): AppPasswordListItem {
  return {
    id: row['app_password_id'] as string,
    tenantId: row['tenant_id'] as string,
    userId: row['user_id'] as string,
    userPrincipalName: row['user_principal_name'] as string,
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

/**
 * The rows a filter selects for a principal, as a WHERE clause: its visibility, the filter's
 * conditions, and the credentials `usedFromAddress` matched (worked out first, from the address
 * rows and, for a day the window cuts through, the store).
 */
async function selection(db: ReadModelDatabase, store: EventStore, principal: UserPrincipal, filter: AppPasswordFilter, now: Date): Promise<WhereClause> {
  let usedFrom: string[] | null = null;
  if (!filter.usedFromAddress && (filter.usedAfter || filter.usedBefore)) {
    throw badInput('usedAfter and usedBefore bound usedFromAddress: give the address too (for any use in a period, use lastUsedAfter).');
  }
  if (filter.usedFromAddress) {
    const range = addressRange(filter.usedFromAddress);
    if (!range) throw badInput('usedFromAddress must be an IP address or a CIDR block, such as 203.0.113.0/24.');
    usedFrom = await credentialsUsedFrom(db, store, principal.tenantId, range, instantOf(filter.usedAfter, 'usedAfter'), instantOf(filter.usedBefore, 'usedBefore'));
  }
  return filtered(visibleTo(principal, now), filter, now, usedFrom);
}

function instantOf(value: string | null | undefined, name: string): string | null {
  if (!value) return null;
  const normalised = normalisedInstant(value);
  if (!normalised) throw badInput(`${name} must be an ISO-8601 date-time.`);
  return normalised;
}

@QueryHandler(GetAppPasswordsQuery)
export class GetAppPasswordsHandler implements IQueryHandler<GetAppPasswordsQuery, AppPasswordPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, filter, first, after, sort, isCounted }: GetAppPasswordsQuery): Promise<AppPasswordPage> {
    const now = this.clock.now();
    const where = await selection(this.db, this.store, principal, filter, now);
    const list = listFor(filter);
    const totalCount = isCounted ? (this.db.prepare(`SELECT count(*) AS n FROM ${list} WHERE ${where}`).get(where.params) as { n: number }).n : -1;
    const orderBy = ordered(where, sort, after);
    const rows = this.db
      .prepare(`SELECT l.*, ${STATUS_SQL} AS effective_status, ${sortKeySql(sort)} AS sort_key FROM ${list} WHERE ${where} ${orderBy} LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as Row[];
    return {
      items: rows.slice(0, first).map((row) => ({ item: toItem(row), cursor: cursorFor(row) })),
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

  async execute({ principal, appPasswordId }: GetAppPasswordQuery): Promise<AppPasswordListItem | null> {
    const where = visibleTo(principal, this.clock.now()).always('l.app_password_id = @id', { id: appPasswordId });
    const row = this.db.prepare(`${SELECT_ROWS} WHERE ${where}`).get(where.params) as Row | undefined;
    return row ? toItem(row) : null;
  }
}

/** What a bulk action over a filter would touch: the active credentials it selects, fixed now. */
export interface AppPasswordMatch {
  /** Ids of the matching ACTIVE app passwords (active now: expired ones are left out). */
  ids: string[];
  /** How many of them were used in the last 24 hours: what revoking them will break. */
  recentlyUsed: number;
  /** How many owners they belong to. */
  usersAffected: number;
}

/** The active app passwords a filter selects for the principal, for a bulk action (incident response). */
export class MatchAppPasswordsQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: AppPasswordFilter,
  ) {}
}

@QueryHandler(MatchAppPasswordsQuery)
export class MatchAppPasswordsHandler implements IQueryHandler<MatchAppPasswordsQuery, AppPasswordMatch> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, filter }: MatchAppPasswordsQuery): Promise<AppPasswordMatch> {
    const now = this.clock.now();
    const where = await selection(this.db, this.store, principal, { ...filter, status: 'ACTIVE' }, now);
    where.params['recently'] = new Date(now.getTime() - 86_400_000).toISOString();
    const rows = this.db.prepare(`SELECT l.app_password_id AS id, l.user_id AS userId, l.last_used_at >= @recently AS isRecent FROM app_password_list l WHERE ${where} ORDER BY l.app_password_id`).all(where.params) as {
      id: string;
      userId: string;
      isRecent: number | null;
    }[];
    return { ids: rows.map((row) => row.id), recentlyUsed: rows.filter((row) => row.isRecent === 1).length, usersAffected: new Set(rows.map((row) => row.userId)).size };
  }
}

/** An active credential a review's filter selects, with what its reviewer is shown. */
export interface ReviewCandidateRow {
  appPasswordId: string;
  userId: string;
  userPrincipalName: string;
  label: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  /** Successful sign-ins over the last 30 days. */
  usesLast30Days: number;
}

/** The active app passwords a filter selects over the whole tenant, for an access review's frozen scope. */
export class GetReviewCandidatesQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly filter: AppPasswordFilter,
  ) {}
}

const USAGE_DAYS = 30;

@QueryHandler(GetReviewCandidatesQuery)
export class GetReviewCandidatesHandler implements IQueryHandler<GetReviewCandidatesQuery, ReviewCandidateRow[]> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, filter }: GetReviewCandidatesQuery): Promise<ReviewCandidateRow[]> {
    const now = this.clock.now();
    const where = await selection(this.db, this.store, principal, { ...filter, status: 'ACTIVE' }, now);
    const rows = this.db
      .prepare(`SELECT l.app_password_id, l.user_id, l.user_principal_name, l.label, l.scopes, l.created_at, l.last_used_at FROM ${listFor(filter)} WHERE ${where} ORDER BY l.user_principal_name, l.label, l.app_password_id`)
      .all(where.params) as Record<string, string | null>[];
    const uses = usesSince(this.db, rows.map((row) => row['app_password_id'] as string), now, USAGE_DAYS);
    return rows.map((row) => ({
      appPasswordId: row['app_password_id'] as string,
      userId: row['user_id'] as string,
      userPrincipalName: row['user_principal_name'] as string,
      label: row['label'] as string,
      scopes: JSON.parse(row['scopes'] as string),
      createdAt: row['created_at'] as string,
      lastUsedAt: row['last_used_at'],
      usesLast30Days: uses.get(row['app_password_id'] as string) ?? 0,
    }));
  }
}

/** Each credential's successful sign-ins over the last `days` days (today included), from the monthly usage rows. */
function usesSince(db: ReadModelDatabase, ids: readonly string[], now: Date, days: number): Map<string, number> {
  const since = startOfDay(now, days - 1).slice(0, 10);
  const months = db
    .prepare('SELECT app_password_id AS id, month, days FROM usage_monthly WHERE app_password_id IN (SELECT value FROM json_each(?)) AND month >= ?')
    .all(JSON.stringify(ids), since.slice(0, 7)) as { id: string; month: string; days: string }[];
  const uses = new Map<string, number>();
  for (const { id, month, days: perDay } of months) {
    let sum = uses.get(id) ?? 0;
    (JSON.parse(perDay) as DayCounts[]).forEach(([count], index) => {
      if (`${month}-${String(index + 1).padStart(2, '0')}` >= since) sum += count;
    });
    uses.set(id, sum);
  }
  return uses;
}
