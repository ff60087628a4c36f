import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import { authorizeTenantWide, type UserPrincipal } from '@keyward/identity/domain';
import { everyDay, startOfDay } from '../usage-history/credential-usage.queries';

const DAY_MS = 86_400_000;
/** How far the dashboard's plots look back. */
export const DASHBOARD_DAYS = 30;

export interface DashboardCounts {
  active: number;
  expiringSoon: number;
  unused30Days: number;
  neverUsed: number;
  revokedThisWeek: number;
  rejectedLast24Hours: number;
}

/** A count per day and per key (a protocol for sign-ins, a reason for rejections). */
export interface DailyBreakdown {
  day: string;
  key: string;
  count: number;
}

export interface Dashboard {
  counts: DashboardCounts;
  signInsPerDay: DailyBreakdown[];
  rejectionsPerDay: DailyBreakdown[];
  activePerDay: { day: string; count: number }[];
}

/** The tenant at a glance: counts that matter, and the last 30 days drawn from the event history. */
export class GetDashboardQuery {
  constructor(readonly principal: UserPrincipal) {}
}

@QueryHandler(GetDashboardQuery)
export class GetDashboardHandler implements IQueryHandler<GetDashboardQuery, Dashboard> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal }: GetDashboardQuery): Promise<Dashboard> {
    authorizeTenantWide(principal, 'dashboard.read');
    const now = this.clock.now();
    const tenantId = principal.tenantId;
    const since = startOfDay(now, DASHBOARD_DAYS - 1);
    const perDay = (outcome: string) =>
      this.db
        .prepare(
          `SELECT day, detail AS key, count FROM usage_tenant_daily
           WHERE tenant_id = ? AND outcome = ? AND day >= ? ORDER BY day, key`,
        )
        .all(tenantId, outcome, since.slice(0, 10)) as DailyBreakdown[];
    return {
      counts: this.counts(tenantId, now),
      signInsPerDay: perDay('USED'),
      rejectionsPerDay: perDay('REJECTED'),
      activePerDay: this.activePerDay(tenantId, now),
    };
  }

  private counts(tenantId: string, now: Date): DashboardCounts {
    const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
    const row = this.db
      .prepare(
        `SELECT
           sum(is_active) AS active,
           sum(is_active AND expires_at <= @in14Days) AS expiringSoon,
           sum(is_active AND coalesce(last_used_at, created_at) < @ago30Days) AS unused30Days,
           sum(is_active AND last_used_at IS NULL) AS neverUsed,
           sum(status = 'REVOKED' AND revoked_at >= @ago7Days) AS revokedThisWeek
         FROM (SELECT status, expires_at, last_used_at, created_at, revoked_at,
                      status = 'ACTIVE' AND (expires_at IS NULL OR expires_at > @now) AS is_active
               FROM app_password_list INDEXED BY app_password_list_covering WHERE tenant_id = @tenantId)`,
      )
      .get({ tenantId, now: now.toISOString(), in14Days: iso(14 * DAY_MS), ago30Days: iso(-30 * DAY_MS), ago7Days: iso(-7 * DAY_MS) }) as Record<
      keyof DashboardCounts,
      number | null
    >;
    const rejected = this.db
      .prepare('SELECT sum(attempts) AS n FROM usage_rejections WHERE tenant_id = ? AND occurred_at >= ?')
      .get(tenantId, iso(-24 * 3_600_000)) as { n: number | null };
    return {
      active: row.active ?? 0,
      expiringSoon: row.expiringSoon ?? 0,
      unused30Days: row.unused30Days ?? 0,
      neverUsed: row.neverUsed ?? 0,
      revokedThisWeek: row.revokedThisWeek ?? 0,
      rejectedLast24Hours: rejected.n ?? 0,
    };
  }

  /**
   * Active app passwords at the end of each day: those created by then and neither revoked nor
   * expired by then. SQL groups the rows by the days they began and ended; few groups remain.
   */
  private activePerDay(tenantId: string, now: Date): { day: string; count: number }[] {
    const rows = this.db
      .prepare(
        `SELECT born, ended, count(*) AS n FROM (
           SELECT substr(created_at, 1, 10) AS born,
                  substr(min(coalesce(revoked_at, '9999'), coalesce(expires_at, '9999')), 1, 10) AS ended
           FROM app_password_list INDEXED BY app_password_list_covering WHERE tenant_id = ?)
         GROUP BY born, ended`,
      )
      .all(tenantId) as { born: string; ended: string; n: number }[];
    const days = everyDay(now, DASHBOARD_DAYS, [], (day) => ({ day, count: 0 }));
    for (const { born, ended, n } of rows) {
      for (const entry of days) if (born <= entry.day && ended > entry.day) entry.count += n;
    }
    return days;
  }
}
