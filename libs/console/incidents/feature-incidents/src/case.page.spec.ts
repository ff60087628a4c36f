import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { of } from 'rxjs';
import { SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { CASE_POLL_MS, IncidentsApi } from '@keyward/console/incidents/data-access';
import { caseOf, IncidentsApiDouble, outcomeOf } from '@keyward/console/incidents/data-access/testing';
import { CasePage } from './case.page';
import { CasePageHarness } from './testing/case-page.harness';

const RESPONDER: Permission[] = ['incidents.read', 'incidents.respond'];
const AUDITOR: Permission[] = ['incidents.read'];

async function showCase(api: IncidentsApiDouble, granted: Permission[]) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ id: 'case-1' })), snapshot: { paramMap: convertToParamMap({ id: 'case-1' }) } } },
      { provide: IncidentsApi, useValue: api },
      { provide: SessionStore, useValue: new SessionDouble(granted) },
      { provide: CASE_POLL_MS, useValue: 1 },
    ],
  });
  const fixture = TestBed.createComponent(CasePage);
  fixture.detectChanges();
  await fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, CasePageHarness);
  return { fixture, page };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}

describe('one revocation case', () => {
  it('follows a running case to its end, then shows every outcome, filtered by kind, and the CSV', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf({ revoked: 1 }), caseOf({ revoked: 2, failed: 1, status: 'COMPLETED', finishedAt: '2026-12-01T10:00:03.000Z' })];
    api.outcomeRows = [outcomeOf('k1', 'REVOKED', 'Thunderbird'), outcomeOf('k2', 'REVOKED', 'Scanner', 'bob@contoso.example'), outcomeOf('k3', 'FAILED', 'Phone')];
    const { fixture, page } = await showCase(api, RESPONDER);

    expect(await page.getHeading()).toBe('Revocation case INC-7');
    expect((await page.getFacts())['Requested by']).toBe('rita@contoso.example');
    await until(async () => (await (await page.progress())!.getStatuses()).includes('Completed'));
    await fixture.whenStable();
    expect(await (await page.progress())!.getPercent()).toBe(100);
    expect(await (await page.progress())!.getCounts()).toBe('3 of 3 done: 2 revoked, 0 already revoked, 1 failed.');
    expect(await page.getActions()).toEqual([]);
    expect(await page.getCsvUrl()).toBe('/exports/revocation-cases/case-1/outcomes.csv');
    expect((await (await page.outcomes())!.getLines()).map((line) => line.outcome)).toEqual(['Revoked', 'Revoked', 'Failed']);

    await page.showOnly('FAILED');
    await fixture.whenStable();
    expect(await (await page.outcomes())!.getLines()).toEqual([{ appPassword: expect.stringMatching(/^Phone\s*k3$/), user: 'alice@contoso.example', outcome: 'Failed', detail: 'Store unavailable' }]);
  });

  it('lets a responder cancel a running case', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf({ revoked: 1 })];
    const { fixture, page } = await showCase(api, RESPONDER);
    expect(await page.getActions()).toEqual(['Cancel the case']);
    await page.press('Cancel the case');
    await fixture.whenStable();
    expect(api.sent).toEqual([{ call: 'cancel', id: 'case-1' }]);
    expect(await (await page.progress())!.getStatuses()).toEqual(['Cancelled']);
    expect(await page.getActions()).toEqual([]);
  });

  it('shows an auditor the running case with no button to act', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf({ revoked: 1 })];
    const { page } = await showCase(api, AUDITOR);
    expect(await (await page.progress())!.getStatuses()).toEqual(['Running']);
    expect(await page.getActions()).toEqual([]);
    expect(await page.getCsvUrl()).toBe('/exports/revocation-cases/case-1/outcomes.csv');
  });

  it('reinstates a finished suspension, with a reason', async () => {
    const api = new IncidentsApiDouble();
    api.script = [caseOf({ action: 'SUSPEND', status: 'COMPLETED', revoked: 2, alreadyRevoked: 1 })];
    const { fixture, page } = await showCase(api, RESPONDER);
    expect(await page.getHeading()).toBe('Suspension case INC-7');
    await page.press('Reinstate');
    expect(await page.isEnabled('Reinstate 2')).toBe(false);
    await page.fillReinstateReason('The source was our own VPN');
    await page.press('Reinstate 2');
    await fixture.whenStable();
    expect(api.sent).toEqual([{ call: 'reinstate', id: 'case-1', reason: 'The source was our own VPN' }]);
    expect(await (await page.progress())!.getStatuses()).toEqual(['Completed', 'Reinstated 2']);
    expect(await page.getActions()).toEqual([]);
  });

  it('says so when there is no such case', async () => {
    const api = new IncidentsApiDouble();
    api.script = [];
    const { page } = await showCase(api, AUDITOR);
    expect(await page.getErrors()).toEqual([expect.stringMatching(/^No such revocation case in your tenant\. It may have been mistyped in the address\.\s*Try again$/)]);
  });
});
