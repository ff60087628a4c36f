import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, ConsoleClient, createUser, expectVisible, KeywardProcess, launchChromium, seriousAccessibilityViolations, signInInBrowser } from '@keyward/e2e/support';

// The API tokens page in Debian's Chromium against a real Keyward: an auditor creates a token
// with their role, copies it once, uses it from a script, sees its last use, and revokes it.
describe('API tokens in the console', () => {
  const keyward = new KeywardProcess();
  let browser: Browser;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
  });
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  const me = (token: string) =>
    fetch(`${keyward.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { userPrincipalName } }' }),
    }).then((response) => response.json() as Promise<{ data?: { me: { userPrincipalName: string } }; errors?: { extensions?: { code?: string } }[] }>);

  it('given an auditor, when they create a token on the page, then it is shown once, works from a script, shows its last use, and stops when revoked', async () => {
    // given
    const { context, page } = await signInInBrowser(browser, keyward.baseUrl, 'audrey@contoso.example', 'audrey-console-password');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expectVisible(page.getByText('No API tokens yet.'));
    // when
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Name').fill('Nightly SIEM export');
    await form.getByLabel('Role').selectOption('AUDITOR');
    await form.getByRole('button', { name: 'Create token' }).click();
    // then: shown once
    const token = (await page.getByTestId('api-token').textContent())?.trim() ?? '';
    expect(token).toMatch(/^kwt_[0-9A-Za-z]{50}$/);
    const row = page.getByRole('row').filter({ hasText: 'Nightly SIEM export' });
    await expectVisible(row.getByText('ACTIVE'));
    expect(await row.getByText('never').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // and a script uses it
    expect((await me(token)).data?.me.userPrincipalName).toBe('audrey@contoso.example');
    await page.reload();
    await expectVisible(page.getByRole('row').filter({ hasText: 'Nightly SIEM export' }).getByText('ACTIVE'));
    expect(await page.getByTestId('api-token').count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: 'Nightly SIEM export' }).getByText('never').count()).toBe(0);
    // when revoked
    await page.getByRole('button', { name: 'Revoke Nightly SIEM export' }).click();
    await expectVisible(page.getByRole('row').filter({ hasText: 'Nightly SIEM export' }).getByText('REVOKED'));
    expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await context.close();
  });

  it('offers only the roles the user holds, and says why when the server refuses', async () => {
    const { context, page } = await signInInBrowser(browser, keyward.baseUrl, 'audrey@contoso.example', 'audrey-console-password');
    await page.goto(`${keyward.baseUrl}/me/api-tokens`);
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Role').locator('option').first().waitFor({ state: 'attached' });
    expect(await form.getByLabel('Role').locator('option').allTextContents()).toEqual(['AUDITOR']);
    await form.getByLabel('Name').fill('Too long');
    await form.getByLabel('Expires in (days)').fill('400');
    await form.getByRole('button', { name: 'Create token' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'at most 365 days' }));
    await context.close();
  });
});
