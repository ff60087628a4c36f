import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import type { EventStore } from '@keyward/shared/event-store';
import { normalisedInstant, statement, WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, EVENT_STORE, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import { APP_PASSWORD_SCOPES, tenantStreamId, type UserPrincipal } from '@keyward/identity/domain';
import { addressRange } from '@keyward/app-passwords/domain';
import { cursorFor, DEFAULT_APP_PASSWORD_SORT, filtered, ordered, sortKeySql, STATUS_SQL, visibleTo, type AppPasswordFilter, type AppPasswordSort } from '../app-password-list/app-password-view';
import { toItem, type AppPasswordListItem, type AppPasswordPage, type AppPasswordRow } from '../app-password-list/app-password-list.queries';
import { credentialAttempts } from '../usage-history/sign-in-timeline';
import { credentialsUsedFrom } from '../usage-history/used-from-address';
import { protocolBit } from '../app-password-list/app-password-list.projection';
import { lastUseAtOrBefore, timeKey, usesAtOrBefore } from './sign-in-times';

/** The inventory as it stood at `at`: statuses, owners and labels then, and last use as known then. */
export class GetAppPasswordsAsOfQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly at: Date,
    readonly filter: AppPasswordFilter,
    readonly first: number,
    readonly after: string | null,
    readonly sort: AppPasswordSort = DEFAULT_APP_PASSWORD_SORT,
    readonly isCounted = true,
  ) {}
}

type VersionRow = AppPasswordRow;

/** The version rows valid at the moment (`l` being app_password_versions). */
const VALID_AT = 'l.valid_from <= @at AND (l.valid_to IS NULL OR l.valid_to > @at) AND l.created_at <= @at';

/** The chunk of a credential's sign-in times that the moment falls in or after: the last one started by then. */
const CHUNK_AT = 'FROM app_password_use_times u WHERE u.app_password_id = l.app_password_id AND u.first_at <= @at ORDER BY u.first_at DESC, u.uses_before DESC LIMIT 1';

/**
 * Sign-ins as of the moment, under the live list's column names, so the inventory's filters and
 * sorts apply unchanged: last use and use count from the chunk the moment falls in (its text
 * searched only when the moment is inside it), protocols from each one's first use.
 */
export const SIGN_INS_THEN = {
  last_used_at: `(SELECT CASE WHEN u.last_at <= @at THEN u.last_at ELSE kw_last_use(u.times, @atKey) END ${CHUNK_AT})`,
  use_count: `coalesce((SELECT u.uses_before + CASE WHEN u.last_at <= @at THEN u.uses ELSE kw_uses(u.times, @atKey) END ${CHUNK_AT}), 0)`,
  protocols_used: `(SELECT coalesce(sum(CASE f.protocol ${APP_PASSWORD_SCOPES.map((scope) => `WHEN '${scope}' THEN ${protocolBit(scope)}`).join(' ')} ELSE 0 END), 0) FROM app_password_first_uses f WHERE f.app_password_id = l.app_password_id AND f.first_used_at <= @at)`,
} as const;
type SignInColumn = keyof typeof SIGN_INS_THEN;

/** The sign-in columns a filter and sort read (each is worked out once per row, and only if read). */
function signInColumnsFor(filter: AppPasswordFilter, sort: AppPasswordSort): SignInColumn[] {
  const given = (value: unknown) => value !== null && value !== undefined;
  const columns = new Set<SignInColumn>();
  if (['lastUsedAfter', 'lastUsedBefore', 'isNeverUsed', 'unusedForDays'].some((name) => given(filter[name as keyof AppPasswordFilter])) || sort.field === 'LAST_USED_AT') columns.add('last_used_at');
  if (sort.field === 'USE_COUNT') columns.add('use_count');
  if (given(filter.protocol)) columns.add('protocols_used');
  return [...columns];
}

/** The earlier of two instants (either may be missing). */
function earlier(a: string | null, b: string): string {
  const normalised = a ? normalisedInstant(a) : null;
  return normalised && normalised < b ? normalised : b;
}

function instantOf(value: string | null, name: string): string | null {
  if (!value) return null;
  const normalised = normalisedInstant(value);
  if (!normalised) throw badInput(`${name} must be an ISO-8601 date-time.`);
  return normalised;
}

const withFunctions = new WeakSet<ReadModelDatabase>();

/** The SQL functions over packed sign-in times, on this connection (once). */
export function registerSignInFunctions(db: ReadModelDatabase): void {
  if (withFunctions.has(db)) return;
  db.function('kw_last_use', { deterministic: true }, (times: unknown, at: unknown) => lastUseAtOrBefore(times as string, at as string));
  db.function('kw_uses', { deterministic: true }, (times: unknown, at: unknown) => usesAtOrBefore(times as string, at as string));
  withFunctions.add(db);
}

@QueryHandler(GetAppPasswordsAsOfQuery)
export class GetAppPasswordsAsOfHandler implements IQueryHandler<GetAppPasswordsAsOfQuery, AppPasswordPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    registerSignInFunctions(db);
  }

  async execute({ principal, at, filter, first, after, sort, isCounted }: GetAppPasswordsAsOfQuery): Promise<AppPasswordPage> {
    await this.requireMoment(principal, at);
    const instant = at.toISOString();
    const { survivedPasswordReset, usedFromAddress, usedAfter, usedBefore, ...rest } = filter;
    // Tried from an address by then: the address filter's window ends at the moment.
    const usedFrom = usedFromAddress ? await this.usedFrom(principal, usedFromAddress, usedAfter ?? null, earlier(usedBefore ?? null, instant)) : null;
    if (!usedFromAddress && (usedAfter || usedBefore)) throw badInput('usedAfter and usedBefore bound usedFromAddress: give the address too.');
    const where = filtered(visibleTo(principal, at), { ...rest, usedFromAddress }, at, usedFrom).always(VALID_AT, { at: instant });
    if (survivedPasswordReset !== null && survivedPasswordReset !== undefined) {
      const survived = 'EXISTS (SELECT 1 FROM app_password_owner_resets r WHERE r.user_id = l.user_id AND r.reset_at <= @at AND l.created_at < r.reset_at)';
      where.always(survivedPasswordReset ? survived : `NOT ${survived}`);
    }
    const signIns = signInColumnsFor(filter, sort);
    const { rows, totalCount } = signIns.length > 0 ? this.pageWithSignIns(principal, at, where, signIns, first, after, sort, isCounted) : this.page(where, first, after, sort, isCounted);
    const items = await Promise.all(rows.slice(0, first).map(async (row) => ({ item: await this.itemAt(row, instant), cursor: cursorFor(row) })));
    return { items, hasNextPage: rows.length > first, totalCount };
  }

  /** A page of the versions valid at the moment. */
  private page(where: WhereClause, first: number, after: string | null, sort: AppPasswordSort, isCounted: boolean): { rows: VersionRow[]; totalCount: number } {
    const totalCount = isCounted ? (this.db.prepare(`SELECT count(*) AS n FROM app_password_versions l WHERE ${where}`).get(where.params) as { n: number }).n : -1;
    const orderBy = ordered(where, sort, after);
    const rows = this.db
      .prepare(`SELECT l.*, ${STATUS_SQL} AS effective_status, ${sortKeySql(sort)} AS sort_key FROM app_password_versions l WHERE ${where} ${orderBy} LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as VersionRow[];
    return { rows, totalCount };
  }

  /**
   * A page filtered or sorted on sign-ins as of the moment. Those columns cost a seek (and perhaps a
   * search) per row, so each is worked out once, for the rows the principal may see, into a
   * materialised list that the filter, the count (a window over the matches) and the sort then
   * read; the cursor applies after the count.
   */
  private pageWithSignIns(principal: UserPrincipal, at: Date, where: WhereClause, columns: SignInColumn[], first: number, after: string | null, sort: AppPasswordSort, isCounted: boolean): { rows: VersionRow[]; totalCount: number } {
    const scope = visibleTo(principal, at).always(VALID_AT);
    const params = { ...where.params, ...scope.params, atKey: timeKey(at.getTime()), limit: first + 1 };
    const computed = `WITH s AS MATERIALIZED (SELECT l.rowid AS version, ${columns.map((column) => `${SIGN_INS_THEN[column]} AS ${column}`).join(', ')} FROM app_password_versions l WHERE ${scope})`;
    const list = `(SELECT v.*, ${columns.map((column) => `s.${column}`).join(', ')} FROM s JOIN app_password_versions v ON v.rowid = s.version) l`;
    const cursor = new WhereClause();
    const orderBy = ordered(cursor, sort, after);
    const rows = this.db
      .prepare(`${computed} SELECT * FROM (SELECT l.*, ${STATUS_SQL} AS effective_status, ${sortKeySql(sort)} AS sort_key, count(*) OVER () AS total_count FROM ${list} WHERE ${where}) l WHERE ${cursor} ${orderBy} LIMIT @limit`)
      .all({ ...params, ...cursor.params }) as (VersionRow & { total_count: number })[];
    if (!isCounted) return { rows, totalCount: -1 };
    // Past the last match there is no row to carry the count: count on its own.
    const totalCount = rows[0]?.total_count ?? (after ? (this.db.prepare(`${computed} SELECT count(*) AS n FROM ${list} WHERE ${where}`).get(params) as { n: number }).n : 0);
    return { rows, totalCount };
  }

  private usedFrom(principal: UserPrincipal, address: string, after: string | null, before: string | null): Promise<string[]> {
    const range = addressRange(address);
    if (!range) throw badInput('usedFromAddress must be an IP address or a CIDR block, such as 203.0.113.0/24.');
    return credentialsUsedFrom(this.db, this.store, principal.tenantId, range, instantOf(after, 'usedAfter'), instantOf(before, 'usedBefore'));
  }

  /**
   * A moment the inventory can be shown at: not in the future, and not before the tenant existed
   * (its creation, or its first app password if history was brought in from before it).
   */
  private async requireMoment(principal: UserPrincipal, at: Date): Promise<void> {
    if (Number.isNaN(at.getTime())) throw badInput('The moment must be an ISO-8601 date-time.');
    if (at.getTime() > this.clock.now().getTime()) throw badInput('That moment is in the future: the inventory is known up to now.');
    const [created] = await this.store.readStream(tenantStreamId(principal.tenantId), { maxCount: 1 });
    const first = statement(this.db, 'SELECT min(created_at) AS at FROM app_password_versions WHERE tenant_id = ?').get(principal.tenantId) as { at: string | null };
    const since = [created?.metadata.occurredAt, first.at].filter((instant): instant is string => typeof instant === 'string').sort()[0];
    if (since && at.toISOString() < since) throw badInput(`That moment is before the tenant existed: its history starts at ${since}.`);
  }

  /** Successful sign-ins up to `at`, from the credential's packed sign-in times (the column the sorts read). */
  private usesUpTo(appPasswordId: string, at: string): number {
    const sql = `SELECT ${SIGN_INS_THEN.use_count} AS n FROM (SELECT @id AS app_password_id) l`;
    return (statement(this.db, sql).get({ id: appPasswordId, at, atKey: timeKey(Date.parse(at)) }) as { n: number }).n;
  }

  /** The row as it stood, with its last use (address, protocol, client) from the sign-in history and its use count, up to the moment. */
  private async itemAt(row: VersionRow, at: string): Promise<AppPasswordListItem> {
    const id = row['app_password_id'] as string;
    const [lastUse] = await credentialAttempts(this.store, this.db, id, { occurredAt: at, stream: '\uffff', revision: Number.MAX_SAFE_INTEGER }, 1, true);
    return {
      ...toItem(row),
      lastUsedAt: lastUse?.attempt.occurredAt ?? null,
      lastUsedIp: lastUse?.attempt.sourceIp ?? null,
      lastUsedProtocol: lastUse?.attempt.protocol ?? null,
      lastUsedClient: lastUse?.attempt.client ?? null,
      useCount: lastUse ? this.usesUpTo(id, at) : 0,
    };
  }
}
