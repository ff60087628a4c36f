import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createIncidentTeam,
  createUser,
  eventually,
  expectVisible,
  generate,
  KeywardProcess,
  launchChromium,
  navLinks,
  screenshot,
  seriousAccessibilityViolations,
  signInInBrowser,
  verify,
  type Json,
} from '@keyward/e2e/support';

const CASES = `{ revocationCases(first: 50) { totalCount edges { node { id action status matched revoked incidentRef } } } }`;
const STATUS = `query($id: ID!) { appPassword(id: $id) { status } }`;

// Incident response in the console, in Debian's Chromium, against a real Keyward: a responder
// revokes what signed in from a suspect block and suspends and reinstates; an auditor reads the
// cases; a user is refused; the inventory's "revoke selected" becomes one case. Axe on each page.
describe('incident response in the console', () => {
  const keyward = new KeywardProcess();
  let browser: Browser;
  let admin: ConsoleClient;
  const secrets: Record<string, { secret: string; appPassword: { id: string } }> = {};

  const signInFrom = (user: string, name: string, ip: string) => verify(keyward.baseUrl, user, secrets[name].secret, { 'X-Keyward-Protocol': 'imap', 'X-Forwarded-For': ip });
  const statusOf = async (name: string) => (await admin.data(STATUS, { id: secrets[name].appPassword.id }))['appPassword'].status;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example');
    const bob = await createUser(admin, 'bob@contoso.example');
    const carol = await createUser(admin, 'carol@contoso.example');
    const dave = await createUser(admin, 'dave@contoso.example');
    await createIncidentTeam(admin);
    secrets['aliceMail'] = await generate(admin, alice.id, 'Thunderbird');
    secrets['bobScanner'] = await generate(admin, bob.id, 'Scanner');
    secrets['bobMail'] = await generate(admin, bob.id, 'Outlook');
    secrets['carolPhone'] = await generate(admin, carol.id, 'Phone mail');
    secrets['daveOld'] = await generate(admin, dave.id, 'Old laptop');
    secrets['daveTablet'] = await generate(admin, dave.id, 'Old tablet');
    // The suspect block 203.0.113.0/24: alice's mail client and bob's scanner signed in from it.
    expect((await signInFrom('alice@contoso.example', 'aliceMail', '203.0.113.7')).status).toBe(204);
    expect((await signInFrom('bob@contoso.example', 'bobScanner', '203.0.113.200')).status).toBe(204);
    expect((await signInFrom('bob@contoso.example', 'bobMail', '198.51.100.4')).status).toBe(204);
    const USED = 'query($filter: AppPasswordFilter) { appPasswords(filter: $filter) { totalCount } }';
    await eventually(async () => ((await admin.data(USED, { filter: { isNeverUsed: false } }))['appPasswords'].totalCount === 3 ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  const signedIn = (user: string, password: string, width = 1280) => signInInBrowser(browser, keyward.baseUrl, user, password, width);
  const figures = async (page: Page) => (await page.locator('.figures dd').allTextContents()).map(Number);
  const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('lets a responder preview a CIDR query, confirm by typing the count, watch the case complete and download its outcomes', async () => {
    const { context, page } = await signedIn('rita@contoso.example', 'rita-console-password');
    expect(await navLinks(page, 'Main')).toContain('Incidents');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.waitForURL(/\/incidents$/);
    expect(await navLinks(page, 'Incidents')).toEqual(['Revoke by query', 'Leak intake', 'Cases', 'Alerts']);

    const address = page.getByLabel('Used from address or block');
    await address.fill('203.0.113.0/33');
    await expectVisible(page.getByText('The prefix length after "/" must be a whole number from 0 to 32 for IPv4.'));
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await address.fill('203.0.113.0/24');
    await page.getByLabel('Reason').fill('Botnet sign-ins');
    await page.getByLabel('Incident reference').fill('INC-7');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Preview: 2 active app passwords match' }));
    expect(await figures(page)).toEqual([2, 2, 2]);
    const sample = page.getByRole('table', { name: 'Sample of the matched app passwords' });
    expect((await sample.locator('tbody td:nth-child(2)').allTextContents()).sort()).toEqual(['alice@contoso.example', 'bob@contoso.example']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await noOverflow(page)).toBe(0);

    const confirm = page.getByRole('button', { name: 'Revoke 2 app passwords' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Type 2 to confirm').fill('3');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Type 2 to confirm').fill('2');
    expect(await confirm.isEnabled()).toBe(true);
    await screenshot(page, 'responder-incidents-preview');

    // While the responder hesitates, carol's phone signs in from the block too: the match moves.
    expect((await signInFrom('carol@contoso.example', 'carolPhone', '203.0.113.9')).status).toBe(204);
    await eventually(async () => {
      const preview = await admin.data(`mutation { revokeAppPasswords(input: { filter: { usedFromAddress: "203.0.113.0/24" }, reason: "", incidentRef: "", dryRun: true }) { matched } }`);
      return preview['revokeAppPasswords'].matched === 3 ? true : undefined;
    });
    await confirm.click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'The match changed to 3: preview again before confirming.' }));
    expect(await confirm.isDisabled()).toBe(true);
    expect(await statusOf('aliceMail')).toBe('ACTIVE');

    await page.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Preview: 3 active app passwords match' }));
    await page.getByLabel('Type 3 to confirm').fill('3');
    await page.getByRole('button', { name: 'Revoke 3 app passwords' }).click();

    await page.waitForURL(/\/incidents\/cases\/[^/]+$/);
    await expectVisible(page.getByRole('heading', { name: 'Revocation case INC-7' }));
    await expectVisible(page.locator('kw-case-progress').getByText('Completed', { exact: true }), 15_000);
    await expectVisible(page.getByRole('status').filter({ hasText: '3 of 3 done: 3 revoked, 0 already revoked, 0 failed.' }));
    expect(await page.locator('kw-case-progress progress').getAttribute('value')).toBe('100');
    const outcomes = page.getByRole('table', { name: 'Outcomes' });
    await eventually(async () => ((await outcomes.locator('tbody tr').count()) === 3 ? true : undefined), 10_000);
    expect((await outcomes.locator('tbody td:nth-child(2)').allTextContents()).sort()).toEqual(['alice@contoso.example', 'bob@contoso.example', 'carol@contoso.example']);
    expect(await page.getByRole('button', { name: 'Cancel the case' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'responder-incident-case');

    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await context.request.get(`${keyward.baseUrl}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('app_password_id,user,label,outcome,detail,recorded_at,case_id,incident_ref');
    expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual(['REVOKED', 'REVOKED', 'REVOKED']);

    expect(await statusOf('aliceMail')).toBe('REVOKED');
    expect(await statusOf('bobMail')).toBe('ACTIVE');
    expect((await signInFrom('alice@contoso.example', 'aliceMail', '192.0.2.1')).status).toBe(401);
    await context.close();
  });

  it('lets a responder suspend by user and reinstate with a reason, the inventory showing SUSPENDED meanwhile', async () => {
    const { context, page } = await signedIn('rita@contoso.example', 'rita-console-password');
    await page.goto(`${keyward.baseUrl}/incidents`);
    await page.getByLabel('Users (exact principal names)').fill('bob@contoso.example');
    await page.getByLabel('Suspend: reversible').check();
    await page.getByLabel('Reason').fill('Unusual source');
    await page.getByLabel('Incident reference').fill('INC-8');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Preview: 1 active app passwords match' }));
    await page.getByLabel('Type 1 to confirm').fill('1');
    await page.getByRole('button', { name: 'Suspend 1 app passwords' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Suspension case INC-8' }));
    await expectVisible(page.locator('kw-case-progress').getByText('Completed', { exact: true }), 15_000);
    expect(await statusOf('bobMail')).toBe('SUSPENDED');

    await page.goto(`${keyward.baseUrl}/app-passwords?status=SUSPENDED`);
    const inventory = page.getByRole('table', { name: 'App passwords' });
    await expectVisible(inventory.getByText('SUSPENDED', { exact: true }));
    expect(await inventory.locator('tbody tr').count()).toBe(1);

    await page.goBack();
    await expectVisible(page.getByRole('heading', { name: 'Suspension case INC-8' }));
    await page.getByRole('button', { name: 'Reinstate', exact: true }).click();
    const reinstate = page.getByRole('button', { name: 'Reinstate 1' });
    expect(await reinstate.isDisabled()).toBe(true);
    await page.getByLabel('Reason for reinstating').fill('The source was our own VPN');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await reinstate.click();
    await expectVisible(page.locator('kw-case-progress').getByText('Reinstated 1'), 15_000);
    expect(await statusOf('bobMail')).toBe('ACTIVE');
    await context.close();
  });

  it('shows an auditor the cases, dry runs marked, and no button to act', async () => {
    const { context, page } = await signedIn('audrey@contoso.example', 'audrey-console-password');
    expect(await navLinks(page, 'Main')).toContain('Incidents');
    await page.goto(`${keyward.baseUrl}/incidents`);
    await page.waitForURL(/\/incidents\/cases$/);
    expect(await navLinks(page, 'Incidents')).toEqual(['Cases', 'Alerts']);
    const cases = page.getByRole('table', { name: 'Revocation cases' });
    await expectVisible(cases);
    expect(await cases.getByText('Dry run', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Revoke or suspend by query' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-incident-cases');

    await cases.getByRole('link', { name: 'INC-7' }).first().click();
    await expectVisible(page.getByRole('heading', { name: 'Revocation case INC-7' }));
    await expectVisible(page.getByRole('table', { name: 'Outcomes' }));
    await expectVisible(page.getByRole('link', { name: 'Download CSV' }));
    expect(await page.getByRole('button', { name: /Cancel|Reinstate/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`${keyward.baseUrl}/incidents/cases/no-such-case`);
    await expectVisible(page.getByRole('alert').filter({ hasText: 'No such revocation case in your tenant.' }));
    await context.close();
  });

  it('gives a user no Incidents entry, and a clear "not allowed" at its address', async () => {
    const { context, page } = await signedIn('uma@contoso.example', 'uma-console-password');
    expect(await navLinks(page, 'Main')).toEqual(['Reviews', 'My app passwords']);
    for (const path of ['/incidents', '/incidents/cases']) {
      await page.goto(`${keyward.baseUrl}${path}`);
      await expectVisible(page.getByRole('heading', { name: 'Not allowed' }));
      await expectVisible(page.getByText('You are not allowed to open incident response.'));
      expect(page.url()).toBe(`${keyward.baseUrl}${path}`);
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'user-incidents-not-allowed');
    await context.close();
  });

  it('makes the inventory\'s "revoke selected" one case by ids, and follows it', async () => {
    const before = (await admin.data(CASES))['revocationCases'].totalCount;
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    await page.goto(`${keyward.baseUrl}/app-passwords?status=ACTIVE&user=dave`);
    await expectVisible(page.getByRole('table', { name: 'App passwords' }));
    await page.getByRole('checkbox', { name: 'Select Old laptop of dave@contoso.example' }).check();
    await page.getByRole('checkbox', { name: 'Select Old tablet of dave@contoso.example' }).check();
    await page.getByRole('button', { name: 'Revoke selected (2)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Stolen bag');
    await dialog.getByLabel('Incident reference').fill('INC-9');
    await dialog.getByRole('button', { name: 'Revoke 2' }).click();
    await expectVisible(dialog.getByText('2 of 2 done: 2 revoked, 0 already revoked, 0 failed.'), 15_000);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-revoke-selected-case');

    const { revocationCases } = await admin.data(CASES);
    expect(revocationCases.totalCount).toBe(before + 1);
    expect(revocationCases.edges.filter((edge: Json) => edge.node.incidentRef === 'INC-9').map((edge: Json) => edge.node)).toEqual([
      { id: expect.any(String), action: 'REVOKE', status: 'COMPLETED', matched: 2, revoked: 2, incidentRef: 'INC-9' },
    ]);
    await dialog.getByRole('link', { name: 'Open the case' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Revocation case INC-9' }));
    expect(await statusOf('daveOld')).toBe('REVOKED');
    expect(await statusOf('daveTablet')).toBe('REVOKED');
    await context.close();
  });
});
