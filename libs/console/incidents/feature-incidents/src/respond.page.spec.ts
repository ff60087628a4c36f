import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { AppPasswordsApi } from '@keyward/console/app-passwords/data-access';
import { IncidentsApi } from '@keyward/console/incidents/data-access';
import { IncidentsApiDouble } from '@keyward/console/incidents/data-access/testing';
import { RespondPage } from './respond.page';
import { RespondPageHarness } from './testing/respond-page.harness';

/** The users a principal-name search finds: only alice is a user of the tenant. */
class UserSearchDouble {
  async findUsers(search: string) {
    return [{ id: 'u-alice', userPrincipalName: 'alice@contoso.example' }].filter((user) => user.userPrincipalName.includes(search));
  }
}

/** The page at `/incidents?<query>`. */
async function showPage(api = new IncidentsApiDouble(), query = '') {
  const queryParamMap = convertToParamMap(Object.fromEntries(new URLSearchParams(query)));
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap } } },
      { provide: IncidentsApi, useValue: api },
      { provide: AppPasswordsApi, useValue: new UserSearchDouble() },
    ],
  });
  const fixture = TestBed.createComponent(RespondPage);
  fixture.detectChanges();
  const page = await TestbedHarnessEnvironment.harnessForFixture(fixture, RespondPageHarness);
  return { api, fixture, page };
}

async function previewBlock(page: RespondPageHarness): Promise<void> {
  await page.fill('usedFromAddress', '203.0.113.0/24');
  await page.fill('reason', 'Botnet sign-ins');
  await page.fill('incidentRef', 'INC-7');
  await page.preview();
}

describe('revoking or suspending by query', () => {
  it('tells what a typed address lacks before asking the server', async () => {
    const { api, page } = await showPage();
    expect((await page.getAddressHint()).isInvalid).toBe(false);
    await page.fill('usedFromAddress', '203.0.113.0/33');
    expect(await page.getAddressHint()).toEqual({ text: 'The prefix length after "/" must be a whole number from 0 to 32 for IPv4.', isInvalid: true });
    await page.preview();
    expect(await page.getErrors()).toEqual(['The prefix length after "/" must be a whole number from 0 to 32 for IPv4.']);
    expect(api.sent).toEqual([]);
  });

  it('previews what matches and what breaks, and confirms only once the typed count is the match', async () => {
    const { api, fixture, page } = await showPage();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await page.fill('usedAfter', '2026-11-30T08:00');
    await page.fill('users', 'Alice@contoso.example');
    await previewBlock(page);
    await fixture.whenStable();

    expect(api.sent[0]).toEqual({
      call: 'preview',
      request: { action: 'REVOKE', reason: 'Botnet sign-ins', incidentRef: 'INC-7', filter: { usedFromAddress: '203.0.113.0/24', usedAfter: '2026-11-30T08:00:00.000Z', userIds: ['u-alice'] } },
    });
    expect(await page.getFigures()).toEqual([3, 2, 2]);
    expect(await page.getConfirm()).toEqual({ text: 'Revoke 3 app passwords', isEnabled: false });
    await page.typeCount('2');
    expect((await page.getConfirm())?.isEnabled).toBe(false);
    await page.typeCount('3');
    expect((await page.getConfirm())?.isEnabled).toBe(true);

    await page.confirm();
    await fixture.whenStable();
    expect(api.sent[1]).toEqual({ call: 'start', request: api.sent[0].request, expectedMatched: 3 });
    expect(navigate).toHaveBeenCalledWith(['/incidents/cases', 'case-1']);
  });

  it('says the match changed when the server counts otherwise, and waits for a new preview', async () => {
    const { api, fixture, page } = await showPage();
    await previewBlock(page);
    await fixture.whenStable();
    await page.typeCount('3');
    api.matched = 5;
    await page.confirm();
    await fixture.whenStable();

    expect(await page.getErrors()).toEqual(['The match changed to 5: preview again before confirming.']);
    expect(await page.isPreviewStale()).toBe(true);
    expect((await page.getConfirm())?.isEnabled).toBe(false);
    await page.preview();
    await fixture.whenStable();
    expect(await page.getFigures()).toEqual([5, 2, 2]);
    expect(await page.isPreviewStale()).toBe(false);
  });

  it('makes a preview stale when the query or the action changes, and suspends when asked to', async () => {
    const { api, fixture, page } = await showPage();
    await previewBlock(page);
    await fixture.whenStable();
    await page.chooseAction('SUSPEND');
    expect(await page.isPreviewStale()).toBe(true);
    await page.preview();
    await fixture.whenStable();
    expect(api.sent[1].request?.action).toBe('SUSPEND');
    expect(await page.getConfirm()).toEqual({ text: 'Suspend 3 app passwords', isEnabled: false });
  });

  it('refuses a user name that is not in the tenant', async () => {
    const { api, fixture, page } = await showPage();
    await page.fill('users', 'mallory@contoso.example');
    await page.preview();
    await fixture.whenStable();
    expect(await page.getErrors()).toEqual(['No user mallory@contoso.example in this tenant. Check the principal name.']);
    expect(api.sent).toEqual([]);
  });

  it('has nothing to confirm when nothing matches', async () => {
    const api = new IncidentsApiDouble();
    api.matched = 0;
    const { fixture, page } = await showPage(api);
    await previewBlock(page);
    await fixture.whenStable();
    expect(await page.getConfirm()).toBeNull();
  });

  it("fills the query in from an alert's link, and still waits for a preview and the typed count", async () => {
    const link = new URLSearchParams({ usedFromAddress: '203.0.113.66', usedAfter: '2026-12-01T10:00:30.000Z', users: 'alice@contoso.example', reason: 'Alert: Password spray (203.0.113.66)', incidentRef: 'alert:a1' });
    const { api, fixture, page } = await showPage(new IncidentsApiDouble(), link.toString());
    await fixture.whenStable();
    expect(await page.getValue('usedFromAddress')).toBe('203.0.113.66');
    expect(await page.getValue('usedAfter')).toBe('2026-12-01T10:00');
    expect(await page.getValue('users')).toBe('alice@contoso.example');
    expect(await page.getValue('reason')).toBe('Alert: Password spray (203.0.113.66)');
    expect(await page.getValue('incidentRef')).toBe('alert:a1');
    expect(await page.getSelection()).toBeNull();
    expect(await page.getConfirm()).toBeNull();
    expect(api.sent).toEqual([]);

    await page.preview();
    await fixture.whenStable();
    expect(api.sent[0].request).toEqual({
      action: 'REVOKE',
      reason: 'Alert: Password spray (203.0.113.66)',
      incidentRef: 'alert:a1',
      filter: { usedFromAddress: '203.0.113.66', usedAfter: '2026-12-01T10:00:00.000Z', userIds: ['u-alice'] },
    });
    expect(await page.getConfirm()).toEqual({ text: 'Revoke 3 app passwords', isEnabled: false });
  });

  it("sends a link's app passwords as ids, named in a line that can be removed", async () => {
    const { api, fixture, page } = await showPage(new IncidentsApiDouble(), 'ids=k1&reason=Alert&incidentRef=alert:a2');
    await fixture.whenStable();
    expect(await page.getSelection()).toBe('1 selected app password: k1');
    await page.preview();
    await fixture.whenStable();
    expect(api.sent[0].request?.filter).toEqual({ ids: ['k1'] });

    await page.removeSelection();
    expect(await page.getSelection()).toBeNull();
    expect(await page.isPreviewStale()).toBe(true);
    await page.fill('usedFromAddress', '203.0.113.0/24');
    await page.preview();
    await fixture.whenStable();
    expect(api.sent[1].request?.filter).toEqual({ usedFromAddress: '203.0.113.0/24' });
  });
});
