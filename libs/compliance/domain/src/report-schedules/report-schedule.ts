import { assertUnreachable, badInput, conflict, notFound, type DomainEvent } from '@keyward/shared/domain';

export const reportScheduleStreamId = (scheduleId: string) => `reportSchedule-${scheduleId}`;

export type ReportCadence = 'WEEKLY' | 'MONTHLY';
export type ScheduledFormat = 'csv' | 'pdf';

/** A report mailed on a cadence to named recipients, drawn with its owner's rights at each run. */
export type ReportScheduled = DomainEvent<
  'ReportScheduled',
  {
    scheduleId: string;
    tenantId: string;
    report: string;
    params: Record<string, string>;
    format: ScheduledFormat;
    cadence: ReportCadence;
    recipients: string[];
    /** The user whose rights each run is drawn with (who scheduled it). */
    ownerId: string;
    /** The first run; the next are a week or a month apart. */
    firstRunAt: string;
  }
>;
export type ReportScheduleCancelled = DomainEvent<'ReportScheduleCancelled', { scheduleId: string; cancelledBy: string }>;
export type ReportScheduleEvent = ReportScheduled | ReportScheduleCancelled;
export const REPORT_SCHEDULE_EVENT_TYPES: readonly ReportScheduleEvent['type'][] = ['ReportScheduled', 'ReportScheduleCancelled'];

export type ReportSchedule = { status: 'none' } | ({ status: 'ACTIVE' | 'CANCELLED' } & ReportScheduled['data']);

export type ScheduleReport = { type: 'ScheduleReport'; data: Omit<ReportScheduled['data'], 'recipients' | 'firstRunAt'> & { recipients: readonly string[]; tenantDomains: readonly string[]; now: Date } };
export type CancelReportSchedule = { type: 'CancelReportSchedule'; data: { cancelledBy: string } };
export type ReportScheduleCommand = ScheduleReport | CancelReportSchedule;

/** The most recipients one schedule mails. */
export const MAX_RECIPIENTS = 20;
const ADDRESS = /^[^\s@<>()",;:]{1,64}@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i;

/**
 * Recipients: 1 to 20 mail addresses, each in one of the tenant's domains (a report goes to the
 * organisation's own people, never outside it), lower-cased, each once.
 */
export function requireRecipients(recipients: readonly string[], tenantDomains: readonly string[]): string[] {
  const unique = [...new Set(recipients.map((recipient) => recipient.trim().toLowerCase()))];
  if (unique.length === 0 || unique.length > MAX_RECIPIENTS) throw badInput(`Name 1 to ${MAX_RECIPIENTS} recipients.`);
  for (const recipient of unique) {
    const domain = ADDRESS.exec(recipient)?.[1];
    if (!domain) throw badInput(`${JSON.stringify(recipient.slice(0, 100))} is not a mail address.`);
    if (!tenantDomains.includes(domain)) throw badInput(`${recipient} is outside the tenant's domains (${tenantDomains.join(', ')}): reports are mailed within the organisation only.`);
  }
  return unique;
}

export const reportScheduleDecider = {
  initialState: (): ReportSchedule => ({ status: 'none' }),

  decide(command: ReportScheduleCommand, state: ReportSchedule): ReportScheduleEvent[] {
    switch (command.type) {
      case 'ScheduleReport': {
        if (state.status !== 'none') throw conflict('This schedule exists already.');
        const { tenantDomains, now, recipients, ...rest } = command.data;
        return [{ type: 'ReportScheduled', data: { ...rest, recipients: requireRecipients(recipients, tenantDomains), firstRunAt: now.toISOString() } }];
      }
      case 'CancelReportSchedule':
        if (state.status === 'none') throw notFound('No such report schedule.');
        return state.status === 'CANCELLED' ? [] : [{ type: 'ReportScheduleCancelled', data: { scheduleId: state.scheduleId, cancelledBy: command.data.cancelledBy } }];
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: ReportSchedule, event: ReportScheduleEvent): ReportSchedule {
    switch (event.type) {
      case 'ReportScheduled':
        return { status: 'ACTIVE', ...event.data };
      case 'ReportScheduleCancelled':
        return state.status === 'none' ? state : { ...state, status: 'CANCELLED' };
      default:
        return assertUnreachable(event);
    }
  },
};

/** The last run due at `now` (the first run, then every week or every month on the same day, the month's last day when shorter); null before the first. */
export function lastRunAt(firstRunAt: string, cadence: ReportCadence, now: Date): Date | null {
  const first = new Date(firstRunAt);
  if (now.getTime() < first.getTime()) return null;
  if (cadence === 'WEEKLY') {
    const weeks = Math.floor((now.getTime() - first.getTime()) / (7 * 86_400_000));
    return new Date(first.getTime() + weeks * 7 * 86_400_000);
  }
  let months = (now.getUTCFullYear() - first.getUTCFullYear()) * 12 + now.getUTCMonth() - first.getUTCMonth();
  for (; months >= 0; months--) {
    const run = addMonths(first, months);
    if (run.getTime() <= now.getTime()) return run;
  }
  return first;
}

/** The run after `run`. */
export function nextRunAt(firstRunAt: string, cadence: ReportCadence, now: Date): Date {
  const first = new Date(firstRunAt);
  const last = lastRunAt(firstRunAt, cadence, now);
  if (!last) return first;
  if (cadence === 'WEEKLY') return new Date(last.getTime() + 7 * 86_400_000);
  const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
  return addMonths(first, months + 1);
}

function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear() + Math.floor((date.getUTCMonth() + months) / 12);
  const month = (date.getUTCMonth() + months) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}
