import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { AlertsApi, IncidentsApi } from '@keyward/console/incidents/data-access';
import { alertOf, AlertsApiDouble, IncidentsApiDouble } from '@keyward/console/incidents/data-access/testing';
import { AlertsPage, NO_ALERTS } from './alerts.page';
import { AlertsPageHarness } from './testing/alerts-page.harness';

const RESPONDER: Permission[] = ['incidents.read', 'incidents.respond', 'alerts.acknowledge'];
const AUDITOR: Permission[] = ['incidents.read'];

/** The page at `url`, for a user holding `granted`, against the API double. */
async function showPage(granted: Permission[], api = new AlertsApiDouble(), url = '/incidents/alerts') {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'incidents/alerts', component: AlertsPage }]),
      { provide: AlertsApi, useValue: api },
      { provide: IncidentsApi, useValue: new IncidentsApiDouble() },
      { provide: SessionStore, useValue: new SessionDouble(granted) },
    ],
  });
  const router = await RouterTestingHarness.create();
  await router.navigateByUrl(url, AlertsPage);
  await router.fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(router.fixture, AlertsPageHarness);
  return { api, router, page, settle: () => router.fixture.whenStable() };
}

async function rowsOf(page: AlertsPageHarness) {
  return (await (await page.table())?.getRows()) ?? [];
}

describe('the alerts page', () => {
  it('lists each alert in plain words, and gives an auditor nothing to act with', async () => {
    const { page } = await showPage(AUDITOR);
    expect(await (await page.table())!.getLines()).toEqual([
      {
        alert: 'Revoked app password used A revoked app password was presented with its correct secret: someone still holds it.',
        severity: 'High',
        user: 'alice@contoso.example',
        appPassword: 'Thunderbird now revoked',
        source: '203.0.113.7 in 203.0.113.0/24',
        seen: '2026-12-01 10:00 to 2026-12-01 10:05',
        count: '2',
        acknowledged: 'No',
      },
      {
        alert: 'Password spray Failed sign-ins for 10 accounts from one address.',
        severity: 'High',
        user: '10 accounts',
        appPassword: '',
        source: '203.0.113.66',
        seen: '2026-12-01 10:00 to 2026-12-01 10:05',
        count: '10',
        acknowledged: 'No',
      },
    ]);
    for (const row of await rowsOf(page)) expect(await row.getActions()).toEqual([]);
  });

  it('lets a responder acknowledge an alert, which then says who did and when', async () => {
    const { api, page, settle } = await showPage(RESPONDER);
    const [revoked] = await rowsOf(page);
    expect(await revoked.getActions()).toEqual(['Acknowledge', 'Revoke as a case…']);
    await revoked.acknowledge();
    await settle();
    expect(api.acknowledged).toEqual(['revoked-1']);
    const [after] = await rowsOf(page);
    expect((await after.getLine()).acknowledged).toBe('Yes by rita@contoso.example, 2026-12-01 11:00');
    expect(await after.getActions()).toEqual(['Revoke as a case…']);
    expect(await page.getActionError()).toBeNull();
  });

  it('links "Revoke as a case…" to the respond page, filled in from the alert', async () => {
    const api = new AlertsApiDouble();
    api.rows = [...api.rows, alertOf('arrival-1', { kind: 'NEW_SOURCE_ADDRESS', severity: 'LOW', appPassword: { id: 'k9', label: 'iPhone', status: 'ACTIVE' }, credentialStatus: null })];
    const { page } = await showPage(RESPONDER, api);
    const urls = await Promise.all((await rowsOf(page)).map((row) => row.getRespondUrl()));
    const queries = urls.map((url) => Object.fromEntries(new URL(url!, 'http://console').searchParams));
    expect(urls.every((url) => url?.startsWith('/incidents?'))).toBe(true);
    expect(queries).toEqual([
      { usedFromAddress: '203.0.113.7', usedAfter: '2026-12-01T10:00:30.000Z', reason: 'Alert: Revoked app password used (alice@contoso.example)', incidentRef: 'alert:revoked-1' },
      { usedFromAddress: '203.0.113.66', usedAfter: '2026-12-01T10:00:30.000Z', reason: 'Alert: Password spray (203.0.113.66)', incidentRef: 'alert:spray-1' },
      { ids: 'k9', reason: 'Alert: Used from a new network (alice@contoso.example)', incidentRef: 'alert:arrival-1' },
    ]);
  });

  it('shows each action only to whoever holds its own permission', async () => {
    const acknowledgeOnly = await showPage(['incidents.read', 'alerts.acknowledge']);
    expect(await (await rowsOf(acknowledgeOnly.page))[0].getActions()).toEqual(['Acknowledge']);
    TestBed.resetTestingModule();
    const respondOnly = await showPage(['incidents.read', 'incidents.respond']);
    expect(await (await rowsOf(respondOnly.page))[0].getActions()).toEqual(['Revoke as a case…']);
  });

  it('filters by kind and acknowledgement through the URL, and resets', async () => {
    const { api, page, settle } = await showPage(AUDITOR);
    await page.fill('kind', 'PASSWORD_SPRAY');
    await page.fill('acknowledged', 'false');
    await page.applyFilters();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/incidents/alerts?kind=PASSWORD_SPRAY&acknowledged=false');
    expect(api.listed.at(-1)).toEqual({ filter: { kind: 'PASSWORD_SPRAY', acknowledged: false }, first: 25, after: null });
    expect((await (await page.table())!.getLines()).map((line) => line.alert)).toEqual([expect.stringMatching(/^Password spray/)]);

    await page.resetFilters();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/incidents/alerts');
    expect(await rowsOf(page)).toHaveLength(2);
  });

  it('reads the filter from the URL it was opened with', async () => {
    const { api } = await showPage(AUDITOR, new AlertsApiDouble(), '/incidents/alerts?severity=HIGH&sourceIp=203.0.113.0%2F24&since=2026-12-01&kind=nonsense');
    expect(api.listed).toEqual([{ filter: { severity: 'HIGH', sourceIp: '203.0.113.0/24', since: '2026-12-01' }, first: 25, after: null }]);
  });

  it('says what is wrong with a typed address before asking the server', async () => {
    const { api, page, settle } = await showPage(AUDITOR);
    await page.fill('sourceIp', '203.0.113.0/40');
    expect(await page.getSourceHint()).toEqual({ text: 'The prefix length after "/" must be a whole number from 0 to 32 for IPv4.', isInvalid: true });
    await page.applyFilters();
    await settle();
    expect(api.listed).toHaveLength(1);
  });

  it('pages through the alerts', async () => {
    const api = new AlertsApiDouble();
    api.rows = Array.from({ length: 30 }, (_, index) => alertOf(`a${index}`));
    const { page, settle } = await showPage(AUDITOR, api);
    expect(await page.getPagerStatus()).toBe('30 alerts · page 1');
    expect(await rowsOf(page)).toHaveLength(25);
    await page.nextPage();
    await settle();
    expect(await page.getPagerStatus()).toBe('30 alerts · page 2');
    expect(await rowsOf(page)).toHaveLength(5);
    await page.previousPage();
    await settle();
    expect(await rowsOf(page)).toHaveLength(25);
  });

  it('says what raises alerts when there is none, and that none match a filter', async () => {
    const api = new AlertsApiDouble();
    api.rows = [];
    const { page } = await showPage(AUDITOR, api);
    const state = await page.state();
    expect(await state.getState()).toBe('empty');
    expect(await state.getMessage()).toBe(NO_ALERTS);
    expect(NO_ALERTS).toBe(
      'No alerts. The detectors raise one for a revoked, suspended or expired app password presented with its correct secret; for many failed sign-ins for one account or from one address within minutes; for failed sign-ins for many accounts from one address; for an app password used from a network it was never used from.',
    );
    TestBed.resetTestingModule();
    const filtered = await showPage(AUDITOR, api, '/incidents/alerts?kind=FAILURE_BURST');
    expect(await (await filtered.page.state()).getMessage()).toBe('No alerts match these filters.');
  });

  it('says in a sentence why the alerts could not be read, and tries again', async () => {
    const api = new AlertsApiDouble();
    api.listError = new ApiError('FORBIDDEN', 'Forbidden');
    const { page, settle } = await showPage(AUDITOR, api);
    const state = await page.state();
    expect(await state.getState()).toBe('error');
    expect(await state.getMessage()).toMatch(/^Your role does not allow this\. Global admins, incident responders and auditors read alerts;/);
    api.listError = null;
    await state.retry();
    await settle();
    expect(await rowsOf(page)).toHaveLength(2);
  });

  it('says why an acknowledgement failed, and keeps the row as it was', async () => {
    const api = new AlertsApiDouble();
    api.acknowledgeError = new ApiError('NOT_FOUND', 'No such alert.');
    const { page, settle } = await showPage(RESPONDER, api);
    await (await rowsOf(page))[1].acknowledge();
    await settle();
    expect(await page.getActionError()).toBe('No such alert in your tenant. Reload the list.');
    expect((await (await rowsOf(page))[1].getLine()).acknowledged).toBe('No');
  });
});
