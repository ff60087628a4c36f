import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { reportErrorMessage } from './report-errors';
import { ReportsApi } from './reports.api';

function setUp() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { api: TestBed.inject(ReportsApi), http: TestBed.inject(HttpTestingController) };
}

describe('previewing a report', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reads the CSV, keeps its first 20 rows, counts them all and names the checkpoint it was drawn from', async () => {
    const { api, http } = setUp();
    const previewing = api.preview({ name: 'dormant', days: 0 });
    const request = http.expectOne('/reports/dormant?format=csv&days=0');
    expect(request.request.method).toBe('GET');
    const rows = Array.from({ length: 25 }, (_, index) => `k${index},"Mail, ${index}"`);
    request.flush(['app_password_id,label', ...rows, ''].join('\r\n'), { headers: { 'X-Keyward-Checkpoint-Size': '42', 'X-Keyward-Report-Period': 'As of 2026-12-01T10:00:00.000Z' } });
    const preview = await previewing;
    expect(preview.columns).toEqual(['app_password_id', 'label']);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[19]).toEqual(['k19', 'Mail, 19']);
    expect(preview).toMatchObject({ totalRows: 25, checkpointSize: 42, period: 'As of 2026-12-01T10:00:00.000Z' });
  });

  it('shows a report without rows as its header only', async () => {
    const { api, http } = setUp();
    const previewing = api.preview({ name: 'survived-reset' });
    http.expectOne('/reports/survived-reset?format=csv').flush('app_password_id,user\r\n');
    expect(await previewing).toEqual({ columns: ['app_password_id', 'user'], rows: [], totalRows: 0, checkpointSize: null, period: null });
  });

  it('keeps the server’s words for a bad parameter and a review that is not there', async () => {
    const { api, http } = setUp();
    const bad = api.preview({ name: 'credential-changes', from: '2026-12-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' }).catch((error: unknown) => error);
    http.expectOne(() => true).flush(JSON.stringify({ code: 'BAD_USER_INPUT', message: 'from must be before to.' }), { status: 400, statusText: 'Bad Request' });
    expect(reportErrorMessage(await bad)).toBe('from must be before to.');

    const missing = api.preview({ name: 'access-review', id: 'nope' }).catch((error: unknown) => error);
    http.expectOne('/reports/access-review?format=csv&id=nope').flush(JSON.stringify({ code: 'NOT_FOUND', message: 'No such access review.' }), { status: 404, statusText: 'Not Found' });
    expect(await missing).toMatchObject({ code: 'NOT_FOUND' });
    expect(reportErrorMessage(await missing)).toBe('No such access review.');
  });

  it('says what to do when the role is wrong or Keyward cannot be reached', async () => {
    const { api, http } = setUp();
    const forbidden = api.preview({ name: 'policy-exceptions' }).catch((error: unknown) => error);
    http.expectOne(() => true).flush('{"statusCode":403,"message":"Forbidden resource"}', { status: 403, statusText: 'Forbidden' });
    expect(reportErrorMessage(await forbidden)).toBe('Your role does not allow reports: global admins and auditors read them.');

    const offline = api.preview({ name: 'policy-exceptions' }).catch((error: unknown) => error);
    http.expectOne(() => true).error(new ProgressEvent('error'), { status: 0 });
    expect(await offline).toBeInstanceOf(ApiError);
    expect(reportErrorMessage(await offline)).toBe('Keyward could not be reached. Check your connection and try again.');
  });
});
