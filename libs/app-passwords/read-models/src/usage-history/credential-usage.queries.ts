import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { badInput, notFound } from '@keyward/shared/domain';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { visibleTo } from '../app-password-list/app-password-view';
import type { DayCounts } from './usage-history.projection';

/** An address a credential was tried from, with when and how often. */
export interface SourceAddress {
  sourceIp: string;
  firstSeen: string;
  lastSeen: string;
  uses: number;
  rejections: number;
}

export interface DailyUsage {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  uses: number;
  rejections: number;
}

export interface CredentialUsage {
  addresses: SourceAddress[];
  perDay: DailyUsage[];
}

/** A credential's source addresses (most recent first, at most 200) and its attempts per day over `days` days. */
export class GetCredentialUsageQuery {
  constructor(
    readonly principal: UserPrincipal,
    readonly appPasswordId: string,
    readonly days: number,
  ) {}
}

@QueryHandler(GetCredentialUsageQuery)
export class GetCredentialUsageHandler implements IQueryHandler<GetCredentialUsageQuery, CredentialUsage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, appPasswordId, days }: GetCredentialUsageQuery): Promise<CredentialUsage> {
    if (!Number.isInteger(days) || days < 1 || days > 366) throw badInput('days must be between 1 and 366.');
    const now = this.clock.now();
    const where = visibleTo(principal, now).always('l.app_password_id = @id', { id: appPasswordId });
    if (!this.db.prepare(`SELECT 1 FROM app_password_list l WHERE ${where}`).get(where.params)) throw notFound('No such app password.');
    const addresses = this.db
      .prepare(
        `SELECT source_ip AS sourceIp, first_seen AS firstSeen, last_seen AS lastSeen, uses, rejections
         FROM usage_addresses WHERE app_password_id = ? ORDER BY last_seen DESC LIMIT 200`,
      )
      .all(appPasswordId) as SourceAddress[];
    const since = startOfDay(now, days - 1);
    const months = this.db
      .prepare('SELECT month, days FROM usage_monthly WHERE app_password_id = ? AND month >= ? ORDER BY month')
      .all(appPasswordId, since.slice(0, 7)) as { month: string; days: string }[];
    const counted = months.flatMap(({ month, days }) =>
      (JSON.parse(days) as DayCounts[]).map(([uses, rejections], index) => ({ day: `${month}-${String(index + 1).padStart(2, '0')}`, uses, rejections })),
    );
    return { addresses, perDay: everyDay(now, days, counted, (day) => ({ day, uses: 0, rejections: 0 })) };
  }
}

/** Midnight UTC `daysBack` days before `now`, as ISO-8601. */
export function startOfDay(now: Date, daysBack: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysBack));
  return day.toISOString();
}

/** One entry per day of the last `days` days, oldest first; days with no row get `empty(day)`. */
export function everyDay<T extends { day: string }>(now: Date, days: number, rows: readonly T[], empty: (day: string) => T): T[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, index) => {
    const day = startOfDay(now, days - 1 - index).slice(0, 10);
    return byDay.get(day) ?? empty(day);
  });
}
