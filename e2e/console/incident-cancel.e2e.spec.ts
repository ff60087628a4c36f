import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, ConsoleClient, expectVisible, fleetHistory, KeywardProcess, launchChromium, writeHistory } from '@keyward/e2e/support';

const FLEET = 10_000;
const COUNT = `query($filter: AppPasswordFilter) { appPasswords(filter: $filter) { totalCount } }`;

// A responder stops a running case from its page, in Debian's Chromium: the case is large and
// taken in small steps (KEYWARD_CASE_STEP), so it is still running when the click lands.
describe('cancelling a running revocation case in the console', () => {
  const keyward = new KeywardProcess({ startTimeoutMs: 120_000, env: { KEYWARD_CASE_STEP: '20' } });
  let browser: Browser;

  beforeAll(async () => {
    await writeHistory(keyward.dataDir, fleetHistory('contoso.example', { name: 'kiosk', users: FLEET / 10, perUser: 10, label: 'Kiosk', at: new Date(Date.now() - 86_400_000) }));
    await keyward.start();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  it('stops the case; what was revoked stays revoked and recorded, the rest stays active', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${keyward.baseUrl}/sign-in`);
    await page.getByLabel('User principal name').fill('admin@contoso.example');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await page.goto(`${keyward.baseUrl}/incidents`);
    await page.getByText('More filters, as in the inventory').click();
    await page.getByLabel('Label', { exact: true }).fill('Kiosk');
    await page.getByLabel('Reason').fill('Kiosk image leaked');
    await page.getByLabel('Incident reference').fill('INC-77');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(page.getByRole('heading', { name: `Preview: ${FLEET} active app passwords match` }), 20_000);
    await page.getByLabel(`Type ${FLEET} to confirm`).fill(String(FLEET));
    await page.getByRole('button', { name: /^Revoke .* app passwords$/ }).click();
    await page.waitForURL(/\/incidents\/cases\/[^/]+$/, { timeout: 20_000 });

    await page.getByRole('button', { name: 'Cancel the case' }).click();
    await expectVisible(page.locator('kw-case-progress').getByText('Cancelled', { exact: true }), 15_000);
    const caseId = page.url().split('/').pop();

    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const found = (await admin.data(`query($id: ID!) { revocationCase(id: $id) { status revoked cancelledBy } }`, { id: caseId }))['revocationCase'];
    expect(found.status).toBe('CANCELLED');
    expect(found.revoked).toBeGreaterThan(0);
    expect(found.revoked).toBeLessThan(FLEET);
    expect((await admin.data(COUNT, { filter: { label: 'Kiosk', status: 'ACTIVE' } }))['appPasswords'].totalCount).toBe(FLEET - found.revoked);
  }, 120_000);
});
