import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError } from '@keyward/console/shared/data-access';
import { AccessReviewsApi, ReportsApi } from '@keyward/console/compliance/data-access';
import { AccessReviewsApiDouble, previewOf, reviewOf, ReportsApiDouble } from '@keyward/console/compliance/data-access/testing';
import { ReportsPage } from './reports.page';
import { ReportsPageHarness } from './testing/reports-page.harness';

async function showPage(api = new ReportsApiDouble(), reviews = new AccessReviewsApiDouble()) {
  TestBed.configureTestingModule({ providers: [{ provide: ReportsApi, useValue: api }, { provide: AccessReviewsApi, useValue: reviews }] });
  const fixture = TestBed.createComponent(ReportsPage);
  fixture.detectChanges();
  await fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, ReportsPageHarness);
  return { api, page, settle: () => fixture.whenStable() };
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
