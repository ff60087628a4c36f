import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput } from '@keyward/shared/domain';
import type { EventStore, RecordedEvent } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, EVENT_STORE, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import { tenantStreamId, type UserPrincipal } from '@keyward/identity/domain';
import { appPasswordUsageStreamId, type AppPasswordUsageStreamEvent } from '@keyward/app-passwords/domain';
import { cursorFor, DEFAULT_APP_PASSWORD_SORT, filtered, ordered, sortKeySql, STATUS_SQL, visibleTo, type AppPasswordFilter, type AppPasswordSort } from '../app-password-list/app-password-view';
import { toItem, type AppPasswordListItem, type AppPasswordPage, type AppPasswordRow } from '../app-password-list/app-password-list.queries';
import type { DayCounts } from '../usage-history/usage-history.projection';
import { credentialAttempts } from '../usage-history/sign-in-timeline';

/** Filters that speak of what a credential was (owner, label, status, dates): what a moment in the past is filtered on. */
const USAGE_FILTERS = ['protocol', 'lastUsedAfter', 'lastUsedBefore', 'isNeverUsed', 'unusedForDays', 'usedFromAddress', 'usedAfter', 'usedBefore'] as const;

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

@QueryHandler(GetAppPasswordsAsOfQuery)
export class GetAppPasswordsAsOfHandler implements IQueryHandler<GetAppPasswordsAsOfQuery, AppPasswordPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, at, filter, first, after, sort, isCounted }: GetAppPasswordsAsOfQuery): Promise<AppPasswordPage> {
    await this.requireMoment(principal, at);
    const unsupported = USAGE_FILTERS.filter((name) => filter[name] !== null && filter[name] !== undefined);
    if (unsupported.length > 0) {
      throw badInput(`appPasswordsAsOf filters on what the app passwords were (owner, label, status, dates); it cannot filter on ${unsupported.join(', ')}. Use appPasswords for sign-in filters.`);
    }
    if (sort.field === 'LAST_USED_AT' || sort.field === 'USE_COUNT') throw badInput('appPasswordsAsOf sorts by CREATED_AT, LABEL, USER or EXPIRES_AT.');
    const instant = at.toISOString();
    const { survivedPasswordReset, ...rest } = filter;
    const where = filtered(visibleTo(principal, at), rest, at).always('l.valid_from <= @at AND (l.valid_to IS NULL OR l.valid_to > @at) AND l.created_at <= @at', { at: instant });
    if (survivedPasswordReset !== null && survivedPasswordReset !== undefined) {
      const survived = 'EXISTS (SELECT 1 FROM app_password_owner_resets r WHERE r.user_id = l.user_id AND r.reset_at <= @at AND l.created_at < r.reset_at)';
      where.always(survivedPasswordReset ? survived : `NOT ${survived}`);
    }
    const totalCount = isCounted ? (this.db.prepare(`SELECT count(*) AS n FROM app_password_versions l WHERE ${where}`).get(where.params) as { n: number }).n : -1;
    const orderBy = ordered(where, sort, after);
    const rows = this.db
      .prepare(`SELECT l.*, ${STATUS_SQL} AS effective_status, ${sortKeySql(sort)} AS sort_key FROM app_password_versions l WHERE ${where} ${orderBy} LIMIT @limit`)
      .all({ ...where.params, limit: first + 1 }) as VersionRow[];
    const items = await Promise.all(rows.slice(0, first).map(async (row) => ({ item: await this.itemAt(row, instant), cursor: cursorFor(row) })));
    return { items, hasNextPage: rows.length > first, totalCount };
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

  /** The row as it stood, with its last use and use count up to the moment, from the sign-in history and the usage stream. */
  private async itemAt(row: VersionRow, at: string): Promise<AppPasswordListItem> {
    const id = row['app_password_id'] as string;
    const [lastUse] = await credentialAttempts(this.store, this.db, id, { occurredAt: at, stream: '\uffff', revision: Number.MAX_SAFE_INTEGER }, 1, true);
    return {
      ...toItem(row),
      lastUsedAt: lastUse?.attempt.occurredAt ?? null,
      lastUsedIp: lastUse?.attempt.sourceIp ?? null,
      lastUsedProtocol: lastUse?.attempt.protocol ?? null,
      lastUsedClient: lastUse?.attempt.client ?? null,
      useCount: lastUse ? await this.usesUpTo(id, at) : 0,
    };
  }

  /** Successful sign-ins up to `at`: whole days from the monthly counts, the day of `at` from the usage stream. */
  private async usesUpTo(appPasswordId: string, at: string): Promise<number> {
    const day = at.slice(0, 10);
    const months = statement(this.db, 'SELECT month, days FROM usage_monthly WHERE app_password_id = ? AND month <= ?').all(appPasswordId, day.slice(0, 7)) as { month: string; days: string }[];
    let uses = 0;
    let dayRevision = -1;
    for (const { month, days } of months) {
      (JSON.parse(days) as DayCounts[]).forEach(([count, , revision], index) => {
        const date = `${month}-${String(index + 1).padStart(2, '0')}`;
        if (date < day) uses += count;
        else if (date === day) dayRevision = revision;
      });
    }
    if (dayRevision < 0) return uses;
    // The day of `at`: read back from its last attempt to its first, counting the uses up to `at`.
    const stream = appPasswordUsageStreamId(appPasswordId);
    for (let from = BigInt(dayRevision); from >= 0n; ) {
      const chunk = (await this.store.readStream(stream, { direction: 'backwards', fromRevision: from, maxCount: 100 })) as (RecordedEvent & AppPasswordUsageStreamEvent)[];
      for (const event of chunk) {
        if (event.metadata.occurredAt.slice(0, 10) < day) return uses;
        if (event.type === 'AppPasswordUsed' && event.metadata.occurredAt <= at) uses++;
      }
      const last = chunk[chunk.length - 1];
      if (!last || chunk.length < 100) return uses;
      from = last.revision - 1n;
    }
    return uses;
  }
}
