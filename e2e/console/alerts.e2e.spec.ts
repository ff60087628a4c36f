import type { Browser, Locator, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createIncidentTeam,
  createUser,
  docsScreenshot,
  eventually,
  expectVisible,
  generate,
  KeywardProcess,
  launchChromium,
  REVOKE,
  screenshot,
  seriousAccessibilityViolations,
  signInInBrowser,
  verify,
  type Json,
} from '@keyward/e2e/support';

const ALERTS = `{ alerts(first: 50) { totalCount edges { node { id kind firstSeenAt acknowledged } } } }`;

// Alerts in the console, in Debian's Chromium, against a real Keyward whose detectors are made
// quick to trip (KEYWARD_ALERT_*): real /verify calls from the addresses a trusted proxy forwards
// raise a revoked credential used, a password spray and a new network. A responder reads,
// acknowledges and responds to them as cases; an auditor only reads; a user is refused.
describe('alerts in the console', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_ALERT_SPRAY_ACCOUNTS: '4', KEYWARD_ALERT_BURST_FAILURES: '6', KEYWARD_ALERT_LEARNING_SECONDS: '1' } });
  let browser: Browser;
  let admin: ConsoleClient;
  const secrets: Record<string, { secret: string; appPassword: { id: string } }> = {};
  const alerts: Record<string, Json> = {};

  const signInFrom = (user: string, password: string, ip: string) => verify(keyward.baseUrl, user, password, { 'X-Keyward-Protocol': 'imap', 'X-Forwarded-For': ip });
  const use = (user: string, name: string, ip: string) => signInFrom(user, secrets[name].secret, ip);

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example');
    const bob = await createUser(admin, 'bob@contoso.example');
    const carol = await createUser(admin, 'carol@contoso.example');
    await createIncidentTeam(admin);
    secrets['aliceMail'] = await generate(admin, alice.id, 'Thunderbird');
    secrets['bobMail'] = await generate(admin, bob.id, 'Outlook');
    secrets['carolPhone'] = await generate(admin, carol.id, 'iPhone Mail');

    // A revoked app password presented with its correct secret: someone still holds it.
    expect((await use('alice@contoso.example', 'aliceMail', '203.0.113.7')).status).toBe(204);
    await admin.data(REVOKE, { input: { id: secrets['aliceMail'].appPassword.id, reason: 'Laptop stolen' } });
    expect((await use('alice@contoso.example', 'aliceMail', '203.0.113.7')).status).toBe(401);
    // A spray: four accounts fail from one address, then bob's app password is used from it.
    for (let i = 0; i < 4; i++) expect((await signInFrom(`staff${i}@contoso.example`, 'Winter2026!', '203.0.113.66')).status).toBe(401);
    expect((await use('bob@contoso.example', 'bobMail', '203.0.113.66')).status).toBe(204);
    // Carol's phone learns its network for a second, then signs in from another one.
    expect((await use('carol@contoso.example', 'carolPhone', '198.18.0.5')).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await use('carol@contoso.example', 'carolPhone', '100.64.3.3')).status).toBe(204);

    const raised = await eventually(async () => {
      const found = (await admin.data(ALERTS))['alerts'];
      return found.totalCount >= 3 ? (found.edges as Json[]).map((edge) => edge.node) : undefined;
    }, 15_000);
    for (const alert of raised) alerts[alert.kind] = alert;
    expect(Object.keys(alerts).sort()).toEqual(['NEW_SOURCE_ADDRESS', 'PASSWORD_SPRAY', 'REVOKED_CREDENTIAL_USED']);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  const signedIn = (user: string, password: string) => signInInBrowser(browser, keyward.baseUrl, user, password);
  const navLinks = async (page: Page, name: string) => (await page.getByRole('navigation', { name }).getByRole('link').allTextContents()).map((text) => text.trim());
  const alertsTable = (page: Page) => page.getByRole('table', { name: 'Alerts' });
  const rowOf = (page: Page, kindWords: string): Locator => alertsTable(page).getByRole('row').filter({ hasText: kindWords });
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  /** The form's "used from" minute for an instant: the respond page's fields are UTC to the minute. */
  const minuteOf = (iso: string) => new Date(iso).toISOString().slice(0, 16);

  it('lets a responder read the alerts in plain words and acknowledge one, which stays acknowledged', async () => {
    const { context, page } = await signedIn('rita@contoso.example', 'rita-console-password');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.waitForURL(/\/incidents$/);
    expect(await navLinks(page, 'Incidents')).toEqual(['Revoke by query', 'Leak intake', 'Cases', 'Alerts']);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('link', { name: 'Alerts' }).click();
    await page.waitForURL(/\/incidents\/alerts$/);
    await expectVisible(alertsTable(page));
    expect(await alertsTable(page).locator('tbody tr').count()).toBe(3);

    const revoked = rowOf(page, 'Revoked app password used');
    await expectVisible(revoked.getByText('A revoked app password was presented with its correct secret: someone still holds it.'));
    await expectVisible(revoked.getByRole('cell', { name: 'alice@contoso.example' }));
    expect(await revoked.getByRole('link', { name: 'Thunderbird' }).getAttribute('href')).toBe(`/app-passwords/${secrets['aliceMail'].appPassword.id}`);
    await expectVisible(revoked.getByText('203.0.113.7', { exact: true }));
    await expectVisible(rowOf(page, 'Password spray').getByText('Failed sign-ins for 4 accounts from one address.'));
    await expectVisible(rowOf(page, 'Used from a new network').getByText('First use from 100.64.3.0/24.'));
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(3);
    expect(await page.getByRole('link', { name: 'Revoke as a case…' }).count()).toBe(3);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const spray = rowOf(page, 'Password spray');
    await spray.getByRole('button', { name: 'Acknowledge' }).click();
    await expectVisible(spray.getByText('by rita@contoso.example'));
    expect(await spray.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await screenshot(page, 'responder-alerts');
    await docsScreenshot(page, 'alerts');
    await page.reload();
    await expectVisible(rowOf(page, 'Password spray').getByText('by rita@contoso.example'));
    expect(await rowOf(page, 'Password spray').getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(2);
    const stored = (await admin.data(ALERTS))['alerts'].edges.map((edge: Json) => edge.node).find((alert: Json) => alert.kind === 'PASSWORD_SPRAY');
    expect(stored.acknowledged).toBe(true);

    // Only what is not acknowledged yet, in the URL; then every alert again.
    await page.getByRole('combobox', { name: /^Acknowledged/ }).selectOption('false');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/incidents\/alerts\?acknowledged=false$/);
    await eventually(async () => ((await alertsTable(page).locator('tbody tr').count()) === 2 ? true : undefined));
    expect(await rowOf(page, 'Password spray').count()).toBe(0);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForURL(/\/incidents\/alerts$/);
    await eventually(async () => ((await alertsTable(page).locator('tbody tr').count()) === 3 ? true : undefined));

    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await overflow(page)).toBe(0);
    await context.close();
  });

  it('takes a responder from an alert to the respond page, filled in, still to be previewed and confirmed', async () => {
    const { context, page } = await signedIn('rita@contoso.example', 'rita-console-password');
    await page.goto(`${keyward.baseUrl}/incidents/alerts`);
    await rowOf(page, 'Password spray').getByRole('link', { name: 'Revoke as a case…' }).click();
    await page.waitForURL(/\/incidents\?/);
    expect(await page.getByRole('navigation', { name: 'Incidents' }).getByRole('link', { name: 'Revoke by query' }).getAttribute('aria-current')).toBe('page');
    const spray = alerts['PASSWORD_SPRAY'];
    expect(await page.getByLabel('Used from address or block').inputValue()).toBe('203.0.113.66');
    expect(await page.getByLabel('Used from (UTC)').inputValue()).toBe(minuteOf(spray.firstSeenAt));
    expect(await page.getByLabel('Reason').inputValue()).toBe('Alert: Password spray (203.0.113.66)');
    expect(await page.getByLabel('Incident reference').inputValue()).toBe(`alert:${spray.id}`);
    expect(await page.getByRole('heading', { name: /^Preview/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Preview' }).click();
    // Bob's app password was used from the spraying address after the spray began.
    await expectVisible(page.getByRole('heading', { name: 'Preview: 1 active app passwords match' }));
    await expectVisible(page.getByRole('table', { name: 'Sample of the matched app passwords' }).getByText('bob@contoso.example'));
    expect(await page.getByRole('button', { name: 'Revoke 1 app passwords' }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'responder-alert-as-case');

    // A new network for one credential: that credential, by id.
    await page.goto(`${keyward.baseUrl}/incidents/alerts`);
    await rowOf(page, 'Used from a new network').getByRole('link', { name: 'Revoke as a case…' }).click();
    await page.waitForURL(/\/incidents\?/);
    await expectVisible(page.getByText(`1 selected app password: ${secrets['carolPhone'].appPassword.id}`));
    expect(await page.getByLabel('Used from address or block').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Preview: 1 active app passwords match' }));
    await expectVisible(page.getByRole('table', { name: 'Sample of the matched app passwords' }).getByText('carol@contoso.example'));
    const statuses = await admin.data(`{ appPasswords(first: 10) { edges { node { status } } } }`);
    expect(statuses['appPasswords'].edges.map((edge: Json) => edge.node.status).sort()).toEqual(['ACTIVE', 'ACTIVE', 'REVOKED']);
    await context.close();
  });

  it('shows an auditor the alerts with no button to act', async () => {
    const { context, page } = await signedIn('audrey@contoso.example', 'audrey-console-password');
    await page.goto(`${keyward.baseUrl}/incidents`);
    await page.waitForURL(/\/incidents\/cases$/);
    expect(await navLinks(page, 'Incidents')).toEqual(['Cases', 'Alerts']);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('link', { name: 'Alerts' }).click();
    await expectVisible(alertsTable(page));
    expect(await alertsTable(page).locator('tbody tr').count()).toBe(3);
    await expectVisible(rowOf(page, 'Password spray').getByText('by rita@contoso.example'));
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Revoke as a case…' }).count()).toBe(0);
    expect(await alertsTable(page).getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'auditor-alerts');
    await context.close();
  });

  it('gives a user no Incidents entry, and "not allowed" at the alerts address', async () => {
    const { context, page } = await signedIn('uma@contoso.example', 'uma-console-password');
    expect(await navLinks(page, 'Main')).toEqual(['Reviews', 'My app passwords']);
    await page.goto(`${keyward.baseUrl}/incidents/alerts`);
    await expectVisible(page.getByRole('heading', { name: 'Not allowed' }));
    await expectVisible(page.getByText('You are not allowed to open incident response.'));
    expect(page.url()).toBe(`${keyward.baseUrl}/incidents/alerts`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
