import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, KeywardProcess, launchChromium, screenshot, verify } from '@keyward/e2e/support';

// The foundation's story told through the console in Debian's Chromium: a click becomes an
// event, and the event comes back on the screen.
describe('the console, in Chromium', () => {
  const keyward = new KeywardProcess();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  });
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  it('signs in, creates a user, generates, shows the secret once, revokes, and shows the audit trail', async () => {
    await page.goto(keyward.baseUrl);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('User principal name').fill('admin@contoso.example');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'wrong' }));
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app-passwords$/);
    await expectVisible(page.getByText('No app passwords match.'));
    await screenshot(page, '01-empty-inventory');

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('User principal name').fill('alice@contoso.example');
    await page.getByLabel('Display name').fill('Alice Example');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expectVisible(page.getByRole('cell', { name: 'alice@contoso.example' }));
    await screenshot(page, '02-users');

    await page.getByRole('link', { name: 'App passwords' }).click();
    await page.getByRole('button', { name: 'Generate app password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('For user').selectOption({ label: 'alice@contoso.example' });
    await dialog.getByLabel('Label').fill('Thunderbird on laptop');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    const secretText = (await dialog.getByTestId('secret').textContent())?.trim() ?? '';
    expect(secretText).toMatch(/^kw[a-z2-9]{2}( [a-z2-9]{4}){7}$/);
    await expectVisible(dialog.getByText('It will not be shown again'));
    await expectVisible(dialog.getByRole('button', { name: 'Copy' }));
    await screenshot(page, '03-secret-shown-once');
    await dialog.getByRole('button', { name: 'Done' }).click();
    // Closing the dialog forgets the secret: it leaves the page for good.
    await page.getByText(secretText).waitFor({ state: 'detached', timeout: 5000 });

    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secretText, { 'x-keyward-protocol': 'imap' })).status).toBe(204);
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'Thunderbird on laptop' });
    await expectVisible(row.getByText('imap from 127.0.0.1'));

    await row.getByRole('button', { name: 'Revoke Thunderbird on laptop' }).click();
    const revokeDialog = page.getByRole('dialog');
    await revokeDialog.getByLabel('Reason').fill('Laptop stolen');
    await revokeDialog.getByRole('button', { name: 'Revoke' }).click();
    await expectVisible(row.getByText('REVOKED'));
    await screenshot(page, '04-revoked');
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secretText)).status).toBe(401);

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expectVisible(page.getByRole('cell', { name: 'AppPasswordRevoked' }));
    await expectVisible(page.getByRole('cell', { name: 'AppPasswordRejected' }));
    expect(await page.content()).not.toContain(secretText.replace(/ /g, ''));
    await screenshot(page, '05-audit-trail');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
  });
});

async function expectVisible(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}
