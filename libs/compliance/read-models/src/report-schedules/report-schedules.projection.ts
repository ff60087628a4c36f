import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { ReportCadence, ReportScheduleEvent, ScheduledFormat } from '@keyward/compliance/domain';

/** `ReportSchedules`: each scheduled report, active or cancelled. */
export const reportSchedulesProjection: Projection = {
  name: 'report-schedules',
  filter: { streamPrefixes: ['reportSchedule-'] },
  version: 1,
  tables: ['report_schedules'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS report_schedules (
        schedule_id  TEXT PRIMARY KEY,
        tenant_id    TEXT NOT NULL,
        report       TEXT NOT NULL,
        params       TEXT NOT NULL,
        format       TEXT NOT NULL,
        cadence      TEXT NOT NULL,
        recipients   TEXT NOT NULL,
        owner_id     TEXT NOT NULL,
        first_run_at TEXT NOT NULL,
        status       TEXT NOT NULL,
        cancelled_by TEXT,
        cancelled_at TEXT
      );
      CREATE INDEX IF NOT EXISTS report_schedules_by_tenant ON report_schedules (tenant_id, first_run_at DESC, schedule_id DESC);`);
  },

  reset(db) {
    db.exec('DELETE FROM report_schedules;');
  },

  apply(db, event) {
    const e = event as RecordedEvent & ReportScheduleEvent;
    if (e.type === 'ReportScheduled') {
      const d = e.data;
      statement(db, `INSERT OR IGNORE INTO report_schedules (schedule_id, tenant_id, report, params, format, cadence, recipients, owner_id, first_run_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')`).run(
        d.scheduleId,
        d.tenantId,
        d.report,
        JSON.stringify(d.params),
        d.format,
        d.cadence,
        JSON.stringify(d.recipients),
        d.ownerId,
        d.firstRunAt,
      );
    } else if (e.type === 'ReportScheduleCancelled') {
      statement(db, "UPDATE report_schedules SET status = 'CANCELLED', cancelled_by = ?, cancelled_at = ? WHERE schedule_id = ?").run(e.data.cancelledBy, e.metadata.occurredAt, e.data.scheduleId);
    }
  },
};

export interface ReportScheduleView {
  id: string;
  tenantId: string;
  report: string;
  params: Record<string, string>;
  format: ScheduledFormat;
  cadence: ReportCadence;
  recipients: string[];
  ownerId: string;
  firstRunAt: string;
  status: 'ACTIVE' | 'CANCELLED';
  cancelledBy: string | null;
  cancelledAt: string | null;
}

type Row = Record<string, string | null>;

export function toScheduleView(row: Row): ReportScheduleView {
  return {
    id: row['schedule_id'] as string,
    tenantId: row['tenant_id'] as string,
    report: row['report'] as string,
    params: JSON.parse(row['params'] as string),
    format: row['format'] as ScheduledFormat,
    cadence: row['cadence'] as ReportCadence,
    recipients: JSON.parse(row['recipients'] as string),
    ownerId: row['owner_id'] as string,
    firstRunAt: row['first_run_at'] as string,
    status: row['status'] as 'ACTIVE' | 'CANCELLED',
    cancelledBy: row['cancelled_by'],
    cancelledAt: row['cancelled_at'],
  };
}

/** Every active schedule, for the mail pass. */
export function activeReportSchedules(db: ReadModelDatabase): ReportScheduleView[] {
  return (statement(db, "SELECT * FROM report_schedules WHERE status = 'ACTIVE' ORDER BY schedule_id").all() as Row[]).map(toScheduleView);
}

/** A tenant's schedules, newest first, a page at a time. */
export function reportSchedulesOf(db: ReadModelDatabase, tenantId: string, first: number, after: { firstRunAt: string; id: string } | null): { rows: ReportScheduleView[]; totalCount: number } {
  const totalCount = (statement(db, 'SELECT count(*) AS n FROM report_schedules WHERE tenant_id = ?').get(tenantId) as { n: number }).n;
  const rows = after
    ? statement(db, 'SELECT * FROM report_schedules WHERE tenant_id = ? AND (first_run_at, schedule_id) < (?, ?) ORDER BY first_run_at DESC, schedule_id DESC LIMIT ?').all(tenantId, after.firstRunAt, after.id, first)
    : statement(db, 'SELECT * FROM report_schedules WHERE tenant_id = ? ORDER BY first_run_at DESC, schedule_id DESC LIMIT ?').all(tenantId, first);
  return { rows: (rows as Row[]).map(toScheduleView), totalCount };
}

/** One schedule, if it is the tenant's. */
export function reportScheduleOf(db: ReadModelDatabase, tenantId: string, scheduleId: string): ReportScheduleView | null {
  const row = statement(db, 'SELECT * FROM report_schedules WHERE schedule_id = ? AND tenant_id = ?').get(scheduleId, tenantId) as Row | undefined;
  return row ? toScheduleView(row) : null;
}
