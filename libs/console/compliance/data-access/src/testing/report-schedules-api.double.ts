import type { ApiError, ConnectionPage } from '@keyward/console/shared/data-access';
import { reportParams } from '../report-request';
import type { ReportSchedule, ScheduleInput } from '../report-schedules.api';

/** A weekly PDF of the dormant report (45 days) to audit@contoso.example, first mailed 2026-12-01, next on the 8th. */
export function scheduleOf(fields: Partial<ReportSchedule> = {}): ReportSchedule {
  return {
    id: 'sch-1',
    report: 'dormant',
    params: { days: '45' },
    format: 'PDF',
    cadence: 'WEEKLY',
    recipients: ['audit@contoso.example'],
    ownerId: 'u-me',
    firstRunAt: '2026-12-01T10:00:00.000Z',
    isActive: true,
    cancelledAt: null,
    nextRunAt: '2026-12-08T10:00:00.000Z',
    ...fields,
  };
}

/**
 * A test double for the report-schedule API: no server runs in a component test. It keeps the
 * schedules (newest first), adds one for each schedule (or throws `refusal`), cancels as the
 * server does, and records what was sent.
 */
export class ReportSchedulesApiDouble {
  schedules: ReportSchedule[] = [];
  refusal: ApiError | null = null;
  readonly scheduled: ScheduleInput[] = [];
  readonly cancelled: string[] = [];

  async list(first: number, after: string | null): Promise<ConnectionPage<ReportSchedule>> {
    const start = after ? Number(after) : 0;
    const page = this.schedules.slice(start, start + first);
    return { totalCount: this.schedules.length, pageInfo: { hasNextPage: start + first < this.schedules.length, endCursor: String(start + page.length) }, edges: page.map((node) => ({ node })) };
  }

  async schedule(input: ScheduleInput): Promise<ReportSchedule> {
    this.scheduled.push(input);
    if (this.refusal) throw this.refusal;
    const params = Object.fromEntries(Object.entries(reportParams(input.request)).map(([key, value]) => [key, String(value)]));
    const schedule = scheduleOf({ id: `sch-${this.scheduled.length + this.schedules.length}`, report: input.request.name, params, cadence: input.cadence, format: input.format, recipients: input.recipients.map((address) => address.toLowerCase()) });
    this.schedules = [schedule, ...this.schedules];
    return schedule;
  }

  async cancel(id: string): Promise<ReportSchedule> {
    this.cancelled.push(id);
    if (this.refusal) throw this.refusal;
    const cancelled = { ...this.schedules.find((schedule) => schedule.id === id)!, isActive: false, cancelledAt: '2026-12-02T09:00:00.000Z', nextRunAt: null };
    this.schedules = this.schedules.map((schedule) => (schedule.id === id ? cancelled : schedule));
    return cancelled;
  }
}
