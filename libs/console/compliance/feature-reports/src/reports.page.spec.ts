import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { AccessReviewsApi, ReportSchedulesApi, ReportsApi } from '@keyward/console/compliance/data-access';
import { AccessReviewsApiDouble, previewOf, reviewOf, ReportsApiDouble, ReportSchedulesApiDouble, scheduleOf } from '@keyward/console/compliance/data-access/testing';
import { NO_SCHEDULES, ReportsPage } from './reports.page';
import { ReportsPageHarness } from './testing/reports-page.harness';

/** A global admin's or an auditor's: they read reports and schedule them. */
const SCHEDULER: Permission[] = ['reports.read', 'reports.schedule'];

async function showPage(api = new ReportsApiDouble(), reviews = new AccessReviewsApiDouble(), { schedules = new ReportSchedulesApiDouble(), granted = SCHEDULER } = {}) {
  TestBed.configureTestingModule({
    providers: [
      { provide: ReportsApi, useValue: api },
      { provide: AccessReviewsApi, useValue: reviews },
      { provide: ReportSchedulesApi, useValue: schedules },
      { provide: SessionStore, useValue: new SessionDouble(granted) },
    ],
  });
  const fixture = TestBed.createComponent(ReportsPage);
  fixture.detectChanges();
  await fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, ReportsPageHarness);
  return { api, schedules, page, settle: () => fixture.whenStable() };
}

describe('the reports page', () => {
  it('lists every report, each with its downloads as its inputs ask for it', async () => {
    const { page } = await showPage();
    expect(await page.getTitles()).toEqual([
      'Inventory as of a moment',
      'Dormant app passwords',
      'Survived a password reset',
      'Changes to app passwords',
      'Policy exceptions',
      'Sign-ins by protocol',
      'Access review history',
    ]);
    expect(await page.getDownloads('dormant')).toEqual({ csv: '/reports/dormant?format=csv&days=45', pdf: '/reports/dormant?format=pdf&days=45' });
    expect(await page.getDownloads('survived-reset')).toEqual({ csv: '/reports/survived-reset?format=csv', pdf: '/reports/survived-reset?format=pdf' });
    await page.fill('credential-changes', 'from', '2026-07-01T00:00');
    expect((await page.getDownloads('credential-changes'))?.pdf).toBe('/reports/credential-changes?format=pdf&from=2026-07-01T00%3A00%3A00.000Z');
  });

  it('previews the first rows with the total and the checkpoint they were drawn from', async () => {
    const api = new ReportsApiDouble();
    api.answer = previewOf(57);
    const { page, settle } = await showPage(api);
    await page.fill('dormant', 'days', '0');
    await page.preview('dormant');
    await settle();
    expect(api.requested).toEqual([{ name: 'dormant', days: 0 }]);
    expect(await page.getSummary('dormant')).toBe('The first 20 of 57 rows · drawn from audit-log checkpoint 42 · As of 2026-12-01T10:00:00.000Z');
    expect(await page.getColumns('dormant')).toEqual(['app_password_id', 'user']);
    const rows = await page.getRows('dormant');
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual(['k1', 'user1@contoso.example']);
    expect(await page.getSummary('inventory')).toBeNull();
  });

  it('says so when a report has no rows', async () => {
    const api = new ReportsApiDouble();
    api.answer = previewOf(0, { checkpointSize: 7, period: null });
    const { page, settle } = await showPage(api);
    await page.preview('survived-reset');
    await settle();
    expect(await page.getSummary('survived-reset')).toBe('0 rows · drawn from audit-log checkpoint 7');
    expect(await page.getMessage('survived-reset')).toBe('No rows: nothing in the tenant matches this report with these parameters.');
    expect(await page.getRows('survived-reset')).toEqual([]);
  });

  it('shows the server’s words when it refuses the parameters', async () => {
    const api = new ReportsApiDouble();
    api.refusal = new ApiError('BAD_USER_INPUT', 'from is in the future.');
    const { page, settle } = await showPage(api);
    await page.fill('sign-ins-by-protocol', 'from', '2030-01-01T00:00');
    await page.preview('sign-ins-by-protocol');
    await settle();
    expect(await page.getMessage('sign-ins-by-protocol')).toBe('from is in the future.');
  });

  it('forgets a preview once its inputs change', async () => {
    const { page, settle } = await showPage();
    await page.preview('dormant');
    await settle();
    expect(await page.getSummary('dormant')).toBe('3 rows · drawn from audit-log checkpoint 42 · As of 2026-12-01T10:00:00.000Z');
    await page.fill('dormant', 'days', '90');
    expect(await page.getSummary('dormant')).toBeNull();
  });

  it('refuses inputs it can tell are wrong, and offers no download for them', async () => {
    const { api, page } = await showPage();
    await page.fill('dormant', 'days', '-3');
    expect(await page.getProblem('dormant')).toBe('Days must be a whole number from 0 to 3650.');
    expect(await page.isPreviewDisabled('dormant')).toBe(true);
    expect(await page.getDownloads('dormant')).toBeNull();
    await page.fill('credential-changes', 'from', '2026-10-01T00:00');
    await page.fill('credential-changes', 'to', '2026-07-01T00:00');
    expect(await page.getProblem('credential-changes')).toBe('To must be after From.');
    expect(api.requested).toEqual([]);
  });

  it('offers the reviews to report on, the newest chosen', async () => {
    const reviews = new AccessReviewsApiDouble();
    reviews.reviews = [reviewOf({ id: 'rev-2', name: 'Q4' }), reviewOf({ id: 'rev-1', name: 'Q3', status: 'COMPLETED', startedAt: '2026-09-01T00:00:00.000Z' })];
    const { api, page, settle } = await showPage(new ReportsApiDouble(), reviews);
    expect(await page.getReviewChoices()).toEqual(['Q4 (open, started 2026-12-01)', 'Q3 (completed, started 2026-09-01)']);
    expect((await page.getDownloads('access-review'))?.csv).toBe('/reports/access-review?format=csv&id=rev-2');
    await page.fill('access-review', 'reviewId', 'rev-1');
    await page.preview('access-review');
    await settle();
    expect(api.requested).toEqual([{ name: 'access-review', id: 'rev-1' }]);
  });

  it('says there is no review to report on yet', async () => {
    const { page } = await showPage();
    expect(await page.getDownloads('access-review')).toBeNull();
    expect(await page.isPreviewDisabled('access-review')).toBe(true);
    expect(await page.getProblem('access-review')).toBeNull();
  });
});

describe('report schedules on the reports page', () => {
  it('schedules a report by mail with its inputs as they stand, confirms it, and lists it', async () => {
    const { schedules, page, settle } = await showPage();
    await page.fill('dormant', 'days', '90');
    await page.schedule('dormant', { cadence: 'MONTHLY', format: 'CSV', recipients: 'audit@contoso.example,\nciso@contoso.example' });
    await settle();
    expect(schedules.scheduled).toEqual([{ request: { name: 'dormant', days: 90 }, cadence: 'MONTHLY', format: 'CSV', recipients: ['audit@contoso.example', 'ciso@contoso.example'] }]);
    expect(await page.getScheduleMessage('dormant')).toBe(
      'Scheduled monthly as CSV to audit@contoso.example, ciso@contoso.example: the first is being mailed now. The next follows on 2026-12-08 10:00 UTC.',
    );
    expect(await page.getSchedules()).toEqual([
      ['Dormant app passwords · unused for 90 days', 'Monthly', 'CSV', 'audit@contoso.example, ciso@contoso.example', '2026-12-08 10:00', 'Active', 'Cancel'],
    ]);
  });

  it('shows the server’s words when it refuses a recipient', async () => {
    const schedules = new ReportSchedulesApiDouble();
    schedules.refusal = new ApiError('BAD_USER_INPUT', "someone@fabrikam.example is outside the tenant's domains (contoso.example): reports are mailed within the organisation only.");
    const { page, settle } = await showPage(undefined, undefined, { schedules });
    await page.schedule('survived-reset', { recipients: 'someone@fabrikam.example' });
    await settle();
    expect(await page.getScheduleMessage('survived-reset')).toBe("someone@fabrikam.example is outside the tenant's domains (contoso.example): reports are mailed within the organisation only.");
    expect(await page.getSchedulesMessage()).toBe(NO_SCHEDULES);
  });

  it('asks for a recipient before sending anything', async () => {
    const { schedules, page } = await showPage();
    await page.schedule('policy-exceptions', { recipients: ' , ' });
    expect(await page.getScheduleMessage('policy-exceptions')).toBe('Name at least one recipient: a mail address in your organisation’s domains.');
    expect(schedules.scheduled).toEqual([]);
  });

  it('lists the schedules, active and cancelled, and cancels an active one', async () => {
    const schedules = new ReportSchedulesApiDouble();
    schedules.schedules = [
      scheduleOf({ id: 'sch-2', report: 'sign-ins-by-protocol', params: {}, format: 'CSV', cadence: 'MONTHLY', recipients: ['ciso@contoso.example'], nextRunAt: '2027-01-01T10:00:00.000Z' }),
      scheduleOf({ id: 'sch-1', isActive: false, cancelledAt: '2026-12-02T09:00:00.000Z', nextRunAt: null }),
    ];
    const { page, settle } = await showPage(undefined, undefined, { schedules });
    expect(await page.getSchedules()).toEqual([
      ['Sign-ins by protocol', 'Monthly', 'CSV', 'ciso@contoso.example', '2027-01-01 10:00', 'Active', 'Cancel'],
      ['Dormant app passwords · unused for 45 days', 'Weekly', 'PDF', 'audit@contoso.example', '—', 'Cancelled 2026-12-02', ''],
    ]);
    await page.cancelSchedule(0);
    await settle();
    expect(schedules.cancelled).toEqual(['sch-2']);
    expect(await page.getSchedulesMessage()).toBe('Cancelled: Sign-ins by protocol is no longer mailed to ciso@contoso.example.');
    expect((await page.getSchedules())[0].slice(4)).toEqual(['—', 'Cancelled 2026-12-02', '']);
    expect(await page.countCancelButtons()).toBe(0);
  });

  it('shows the server’s words when a cancellation is refused', async () => {
    const schedules = new ReportSchedulesApiDouble();
    schedules.schedules = [scheduleOf()];
    const { page, settle } = await showPage(undefined, undefined, { schedules });
    schedules.refusal = new ApiError('CONFLICT', 'This schedule is cancelled already.');
    await page.cancelSchedule(0);
    await settle();
    expect(await page.getSchedulesMessage()).toBe('This schedule is cancelled already.');
  });

  it('says when nothing is scheduled', async () => {
    const { page } = await showPage();
    expect(await page.hasSchedules()).toBe(true);
    expect(await page.getSchedulesMessage()).toBe(NO_SCHEDULES);
  });

  it('lists the schedules without Schedule by mail or Cancel to whoever may only read reports', async () => {
    const schedules = new ReportSchedulesApiDouble();
    schedules.schedules = [scheduleOf()];
    const { page } = await showPage(undefined, undefined, { schedules, granted: ['reports.read'] });
    expect(await page.canSchedule('dormant')).toBe(false);
    expect(await page.getSchedules()).toEqual([['Dormant app passwords · unused for 45 days', 'Weekly', 'PDF', 'audit@contoso.example', '2026-12-08 10:00', 'Active']]);
    expect(await page.countCancelButtons()).toBe(0);
  });
});
