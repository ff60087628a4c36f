import type { Browser, Page } from 'playwright-core';
import { composeAppPassword } from '@keyward/app-passwords/domain';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createIncidentTeam,
  createUser,
  docsScreenshot,
  expectVisible,
  generate,
  KeywardProcess,
  launchChromium,
  navLinks,
  screenshot,
  seriousAccessibilityViolations,
  signInInBrowser,
  verify,
} from '@keyward/e2e/support';

const STATUS = `query($id: ID!) { appPassword(id: $id) { status } }`;

// Leak intake in the console, in Debian's Chromium, against a real Keyward with real app
// passwords: a responder pastes a chat log holding two of them (one written differently) and a
// forged one, revokes the proven ones as a case and sees them refused by /verify; uploads a file;
// an auditor and a user have no page. The page never shows a secret back.
describe('leak intake in the console', () => {
  const keyward = new KeywardProcess();
  let browser: Browser;
  let admin: ConsoleClient;
  const credentials: Record<string, { secret: string; appPassword: { id: string } }> = {};
  const signIn = (user: string, password: string) => signInInBrowser(browser, keyward.baseUrl, user, password);
  const figures = async (page: Page) => (await page.locator('.figures dd').allTextContents()).map(Number);
  /** The rows of the found app passwords: label, owner, status, proven. */
  const matchRows = async (page: Page) =>
    Promise.all(
      (await page.getByRole('table', { name: 'App passwords found' }).locator('tbody tr').all()).map(async (row) => [
        (await row.locator('td:first-child a').textContent())?.trim(),
        ...(await row.locator('td').allTextContents()).slice(1, 4).map((text) => text.trim()),
      ]),
    );
  const secretsOn = async (page: Page) => {
    const html = await page.content();
    return Object.values(credentials).filter(({ secret }) => [secret, secret.replace(/ /g, ''), secret.replace(/ /g, '').toUpperCase()].some((form) => html.includes(form)));
  };

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example');
    const bob = await createUser(admin, 'bob@contoso.example');
    await createIncidentTeam(admin);
    credentials['aliceMail'] = await generate(admin, alice.id, 'Thunderbird');
    credentials['alicePhone'] = await generate(admin, alice.id, 'Phone mail');
    credentials['bobScanner'] = await generate(admin, bob.id, 'Scanner');
    credentials['bobLaptop'] = await generate(admin, bob.id, 'Laptop');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  it('lets a responder paste a chat log, see the proven matches and revoke them as a case; the leaked secrets are then refused', async () => {
    const { context, page } = await signIn('rita@contoso.example', 'rita-console-password');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expectVisible(page.getByRole('navigation', { name: 'Incidents' }));
    expect(await navLinks(page, 'Incidents')).toEqual(['Revoke by query', 'Leak intake', 'Cases', 'Alerts']);
    await page.getByRole('navigation', { name: 'Incidents' }).getByRole('link', { name: 'Leak intake' }).click();
    await page.waitForURL(/\/incidents\/leaks$/);
    await expectVisible(page.getByRole('heading', { name: 'Leak intake' }));

    // A string with alice's phone's key id and a made-up secret: a match, not proven.
    const forged = composeAppPassword(credentials['alicePhone'].appPassword.id, 'abcdefghijkmnpqrst').password;
    const chat = [
      '[09:12] ops-bot: deploy of mail-relay finished',
      `[09:14] dana: here is the imap config for the shared box, user alice, password ${credentials['aliceMail'].secret}`,
      '[09:15] dana: oops, wrong channel',
      `[09:20] eli: and the scanner one:\n  ${credentials['bobScanner'].secret.replace(/ /g, '').toUpperCase()}`,
      `[09:21] eli: the phone had ${forged} I think`,
      '[09:22] ops-bot: kwanza kiwi tokens rotated (see ticket 2026)',
    ].join('\n');
    await page.getByLabel('Text to scan').fill(chat);
    await page.getByRole('button', { name: 'Scan the text' }).click();

    await expectVisible(page.getByRole('heading', { name: 'What the scan found' }), 30_000);
    expect(await figures(page)).toEqual([3, 3, 2]);
    expect(await matchRows(page)).toEqual([
      ['Thunderbird', 'alice@contoso.example', 'ACTIVE', 'Yes'],
      ['Scanner', 'bob@contoso.example', 'ACTIVE', 'Yes'],
      ['Phone mail', 'alice@contoso.example', 'ACTIVE', 'No'],
    ]);
    const found = page.getByRole('table', { name: 'App passwords found' });
    expect(await found.getByRole('link', { name: 'Thunderbird' }).getAttribute('href')).toBe(`/app-passwords/${credentials['aliceMail'].appPassword.id}`);
    expect(await page.getByLabel('Text to scan').inputValue()).toBe('');
    expect(await secretsOn(page)).toEqual([]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'responder-leak-intake');
    await docsScreenshot(page, 'leak-intake', { fullPage: true });
    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

    await page.getByRole('button', { name: 'Revoke these 2 as a case…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Reason').inputValue()).toMatch(/^Leaked: found by scan \S+$/);
    await dialog.getByLabel('Incident reference').fill('INC-21');
    await dialog.getByRole('button', { name: 'Revoke 2' }).click();

    await page.waitForURL(/\/incidents\/cases\/[^/]+$/);
    await expectVisible(page.getByRole('heading', { name: 'Revocation case INC-21' }));
    await expectVisible(page.locator('kw-case-progress').getByText('Completed', { exact: true }), 15_000);
    await expectVisible(page.getByRole('status').filter({ hasText: '2 of 2 done: 2 revoked, 0 already revoked, 0 failed.' }));
    await expectVisible(page.getByText(/Leaked: found by scan/));

    for (const name of ['aliceMail', 'bobScanner']) expect((await admin.data(STATUS, { id: credentials[name].appPassword.id }))['appPassword'].status).toBe('REVOKED');
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', credentials['aliceMail'].secret)).status).toBe(401);
    expect((await verify(keyward.baseUrl, 'bob@contoso.example', credentials['bobScanner'].secret)).status).toBe(401);
    // Only its key id leaked: alice's phone keeps working.
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', credentials['alicePhone'].secret)).status).toBe(204);
    await context.close();
  });

  it('scans an uploaded file, and refuses a binary one in plain words', async () => {
    const { context, page } = await signIn('rita@contoso.example', 'rita-console-password');
    await page.goto(`${keyward.baseUrl}/incidents/leaks`);
    const log = `Dec  1 10:00:01 relay postfix/smtp: connect\nDec  1 10:00:02 relay app: SMTP_PASSWORD=${credentials['bobLaptop'].secret}\n`.repeat(3);
    await page.getByLabel('File to scan (UTF-8 text, at most 20 MB)').setInputFiles({ name: 'relay.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
    await page.getByRole('button', { name: 'Scan the file' }).click();
    await expectVisible(page.getByRole('heading', { name: 'What the scan found' }), 30_000);
    expect(await figures(page)).toEqual([1, 1, 1]);
    expect(await matchRows(page)).toEqual([['Laptop', 'bob@contoso.example', 'ACTIVE', 'Yes']]);
    expect(await secretsOn(page)).toEqual([]);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    await page.getByLabel('File to scan (UTF-8 text, at most 20 MB)').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Scan the file' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'The file is not UTF-8 text, so it was not scanned (byte 8 is NUL).' }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('gives an auditor and a user no Leak intake link, and "Not allowed" at its address', async () => {
    const auditor = await signIn('audrey@contoso.example', 'audrey-console-password');
    await auditor.page.goto(`${keyward.baseUrl}/incidents/cases`);
    await expectVisible(auditor.page.getByRole('navigation', { name: 'Incidents' }));
    expect(await navLinks(auditor.page, 'Incidents')).toEqual(['Cases', 'Alerts']);
    await auditor.page.goto(`${keyward.baseUrl}/incidents/leaks`);
    await expectVisible(auditor.page.getByRole('heading', { name: 'Not allowed' }));
    await expectVisible(auditor.page.getByText('You are not allowed to open leak intake.'));
    expect(auditor.page.url()).toBe(`${keyward.baseUrl}/incidents/leaks`);
    expect(await seriousAccessibilityViolations(auditor.page)).toEqual([]);
    await auditor.context.close();

    const user = await signIn('uma@contoso.example', 'uma-console-password');
    expect(await navLinks(user.page, 'Main')).toEqual(['Reviews', 'My app passwords']);
    await user.page.goto(`${keyward.baseUrl}/incidents/leaks`);
    await expectVisible(user.page.getByRole('heading', { name: 'Not allowed' }));
    expect(user.page.url()).toBe(`${keyward.baseUrl}/incidents/leaks`);
    await user.context.close();
  });
});
