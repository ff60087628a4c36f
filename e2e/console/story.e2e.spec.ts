import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, expectVisible, KeywardProcess, launchChromium, screenshot, seriousAccessibilityViolations, shownSecret, verify } from '@keyward/e2e/support';

// The foundation's story told through the console in Debian's Chromium: a click becomes an
// event, and the event comes back on the screen.
describe('the console, in Chromium', () => {
  const keyward = new KeywardProcess();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  it('signs in, creates a user, generates, shows the secret once, revokes, and shows the audit trail', async () => {
    await page.goto(keyward.baseUrl);
    await page.waitForURL(/\/sign-in$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('User principal name').fill('admin@contoso.example');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'wrong' }));
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    await expectVisible(page.getByRole('link', { name: /^0 Active app passwords/ }));
    await screenshot(page, '01-empty-dashboard');

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByLabel('User principal name').fill('alice@contoso.example');
    await page.getByLabel('Display name').fill('Alice Example');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('link', { name: 'alice@contoso.example' }).click();
    await expectVisible(page.getByRole('heading', { name: /Alice Example/ }));
    await expectVisible(page.getByText('This user has no app passwords.'));

    await page.getByRole('button', { name: 'Generate app password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Label').fill('Thunderbird on laptop');
    await dialog.getByRole('checkbox', { name: 'pop' }).uncheck();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    const secretText = await shownSecret(dialog);
    expect(secretText).toMatch(/^kw[a-z2-9]{2}( [a-z2-9]{4}){7}$/);
    await expectVisible(dialog.getByText('It will not be shown again'));
    await expectVisible(dialog.getByRole('button', { name: 'Copy to clipboard' }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '02-secret-shown-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    // Closing the dialog forgets the secret: it leaves the page for good.
    await page.getByText(secretText).waitFor({ state: 'detached', timeout: 5000 });

    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secretText, { 'x-keyward-protocol': 'imap' })).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secretText, { 'x-keyward-protocol': 'pop' })).status).toBe(401);
    await page.getByRole('link', { name: 'App passwords', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Thunderbird on laptop' });
    await expectVisible(row.getByText('imap from 127.0.0.1'));

    await row.getByRole('button', { name: /^Revoke Thunderbird on laptop/ }).click();
    const revokeDialog = page.getByRole('dialog');
    await revokeDialog.getByLabel('Reason').fill('Laptop stolen');
    await revokeDialog.getByRole('button', { name: 'Revoke' }).click();
    await expectVisible(row.getByText('REVOKED'));
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secretText)).status).toBe(401);

    await row.getByRole('link', { name: 'Thunderbird on laptop' }).click();
    await expectVisible(page.getByText('AppPasswordRevoked'));
    await expectVisible(page.getByText('Reason: Laptop stolen'));
    await expectVisible(page.getByRole('cell', { name: '127.0.0.1' }));
    await expectVisible(page.getByText('This app password may not be used for this kind of sign-in').or(page.getByText('This app password was revoked')));
    await screenshot(page, '03-credential');

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expectVisible(page.getByRole('cell', { name: 'AppPasswordRevoked' }));
    await expectVisible(page.getByRole('cell', { name: 'AppPasswordRejected' }));
    expect(await page.content()).not.toContain(secretText.replace(/ /g, ''));

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
  });
});
