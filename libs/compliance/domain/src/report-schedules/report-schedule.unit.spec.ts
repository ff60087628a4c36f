import { specFor } from '@keyward/shared/domain/testing';
import { lastRunAt, nextRunAt, reportScheduleDecider, type ScheduleReport } from './report-schedule';
import type { ReportScheduled } from './report-schedule';

const spec = specFor(reportScheduleDecider);
const now = new Date('2026-01-31T08:00:00.000Z');
const schedule = (recipients: string[]): ScheduleReport => ({
  type: 'ScheduleReport',
  data: { scheduleId: 's-1', tenantId: 't-1', report: 'dormant', params: { days: '45' }, format: 'pdf', cadence: 'MONTHLY', ownerId: 'u-1', recipients, tenantDomains: ['contoso.example', 'contoso.test'], now },
});
const scheduled: ReportScheduled = {
  type: 'ReportScheduled',
  data: { scheduleId: 's-1', tenantId: 't-1', report: 'dormant', params: { days: '45' }, format: 'pdf', cadence: 'MONTHLY', ownerId: 'u-1', recipients: ['audit@contoso.example', 'ciso@contoso.test'], firstRunAt: now.toISOString() },
};

describe('scheduling a report', () => {
  it('records it with its recipients, lower-cased and each once, its first run now', () => {
    spec.given([]).when(schedule([' Audit@Contoso.example', 'ciso@contoso.test', 'audit@contoso.example'])).then([scheduled]);
  });

  it.each([
    ['a recipient outside the tenant’s domains', ['audit@fabrikam.example'], /outside the tenant's domains/],
    ['something that is no address', ['audit'], /not a mail address/],
    ['no recipient', [], /1 to 20/],
    ['too many recipients', Array.from({ length: 21 }, (_, i) => `r${i}@contoso.example`), /1 to 20/],
  ])('refuses %s', (_, recipients, message) => {
    spec.given([]).when(schedule(recipients)).thenThrows('BAD_USER_INPUT', message);
  });

  it('cancels once', () => {
    spec.given([scheduled]).when({ type: 'CancelReportSchedule', data: { cancelledBy: 'user:u-2' } }).then([{ type: 'ReportScheduleCancelled', data: { scheduleId: 's-1', cancelledBy: 'user:u-2' } }]);
    spec.given([scheduled, { type: 'ReportScheduleCancelled', data: { scheduleId: 's-1', cancelledBy: 'user:u-2' } }]).when({ type: 'CancelReportSchedule', data: { cancelledBy: 'user:u-2' } }).thenNothingHappens();
  });
});

describe('when a schedule runs', () => {
  it('runs weekly from its first run', () => {
    expect(lastRunAt('2026-01-01T08:00:00.000Z', 'WEEKLY', new Date('2026-01-15T07:59:59.000Z'))?.toISOString()).toBe('2026-01-08T08:00:00.000Z');
    expect(nextRunAt('2026-01-01T08:00:00.000Z', 'WEEKLY', new Date('2026-01-15T07:59:59.000Z')).toISOString()).toBe('2026-01-15T08:00:00.000Z');
  });

  it('runs monthly on the same day, or the month’s last day when it is shorter', () => {
    expect(lastRunAt('2026-01-31T08:00:00.000Z', 'MONTHLY', new Date('2026-03-01T00:00:00.000Z'))?.toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(nextRunAt('2026-01-31T08:00:00.000Z', 'MONTHLY', new Date('2026-03-01T00:00:00.000Z')).toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });

  it('has not run before its first run', () => {
    expect(lastRunAt('2026-01-31T08:00:00.000Z', 'MONTHLY', new Date('2026-01-30T00:00:00.000Z'))).toBeNull();
  });
});
