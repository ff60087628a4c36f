import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
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
} from '@keyward/e2e/support';

const STATUS = `query($id: ID!) { appPassword(id: $id) { status } }`;
const LAST_USED = `query($id: ID!) { appPassword(id: $id) { lastUsedAt } }`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A moment as a `datetime-local` field with `step="1"` takes it, in UTC (Chromium leaves zero seconds out). */
function utcField(moment: Date): string {
  const field = moment.toISOString().slice(0, 19);
  return field.endsWith(':00') ? field.slice(0, 16) : field;
}

// Compliance in the console, in Debian's Chromium, against a real Keyward: the admin previews the
// dormant report and downloads its PDF, reads the never-used app passwords as they stood before a
// credential was generated and another one used, schedules the dormant report by mail and cancels it, and starts an access review; a
// second global admin decides two items from the keyboard; an owner says their app password is
// still needed. Axe on each page.
describe('compliance reports and access reviews in the console', () => {
  const keyward = new KeywardProcess();
  let browser: Browser;
  let admin: ConsoleClient;
  const credentials: Record<string, { id: string }> = {};
  let olgaPhoneSecret = '';
  /** A moment after the first credentials were generated and before the last one. */
  let beforeLast: Date;
  let reviewUrl = '';

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createUser(admin, 'gina@contoso.example', ['GLOBAL_ADMIN'], { password: 'gina-console-password' });
    const olga = await createUser(admin, 'olga@contoso.example', ['USER'], { password: 'olga-console-password' });
    const paul = await createUser(admin, 'paul@contoso.example');
    const olgaPhone = await generate(admin, olga.id, 'Olga phone');
    credentials['olgaPhone'] = olgaPhone.appPassword;
    olgaPhoneSecret = olgaPhone.secret;
    credentials['paulLaptop'] = (await generate(admin, paul.id, 'Paul laptop')).appPassword;
    credentials['paulTablet'] = (await generate(admin, paul.id, 'Paul tablet')).appPassword;
    // The history keeps instants; the field takes whole seconds: a clear second on either side.
    await pause(1100);
    beforeLast = new Date(Math.floor(Date.now() / 1000) * 1000);
    await pause(1100);
    credentials['paulLate'] = (await generate(admin, paul.id, 'Paul late')).appPassword;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  const signedIn = (user: string, password: string) => signInInBrowser(browser, keyward.baseUrl, user, password);
  const statusOf = async (name: string) => (await admin.data(STATUS, { id: credentials[name].id }))['appPassword'].status;
  const labelsIn = async (page: Page, table: string) => (await page.getByRole('table', { name: table }).locator('tbody tr td:first-child a').allTextContents()).map((text) => text.trim());

  it('lets the admin preview the dormant report, download its PDF, and read the inventory as it stood', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    const nav = await navLinks(page, 'Main');
    expect(nav.indexOf('Reports')).toBe(nav.indexOf('Exports') + 1);
    expect(nav.indexOf('Reviews')).toBe(nav.indexOf('Incidents') + 1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports$/);

    const dormant = page.getByRole('region', { name: 'Dormant app passwords', exact: true });
    await dormant.getByLabel('Unused for (days)').fill('0');
    await dormant.getByRole('button', { name: 'Preview' }).click();
    await expectVisible(dormant.getByRole('status').filter({ hasText: /^4 rows · drawn from audit-log checkpoint \d+/ }));
    const preview = dormant.getByRole('table', { name: 'Preview of Dormant app passwords' });
    expect(await preview.locator('tbody tr').count()).toBe(4);
    expect((await preview.locator('tbody td:nth-child(3)').allTextContents()).sort()).toEqual(['Olga phone', 'Paul laptop', 'Paul late', 'Paul tablet']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-reports-dormant');

    const pdfHref = await dormant.getByRole('link', { name: 'Download PDF: Dormant app passwords' }).getAttribute('href');
    expect(pdfHref).toBe('/reports/dormant?format=pdf&days=0');
    const pdf = await context.request.get(`${keyward.baseUrl}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // Olga's phone signs in now, after the moment: as of then it was still never used.
    expect((await verify(keyward.baseUrl, 'olga@contoso.example', olgaPhoneSecret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    await eventually(async () => (await admin.data(LAST_USED, { id: credentials['olgaPhone'].id }))['appPassword'].lastUsedAt ?? undefined);

    await page.goto(`${keyward.baseUrl}/app-passwords`);
    const inventory = page.getByRole('table', { name: 'App passwords' });
    await expectVisible(inventory.getByText('Paul late'));
    await page.getByLabel('As of (UTC)').fill(utcField(beforeLast));
    await page.getByLabel(/^Use\b/).selectOption('true');
    expect(await page.getByLabel('Used over').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/isNeverUsed=true.*asOf=/);
    await expectVisible(page.getByRole('status').filter({ hasText: '3 app passwords match as of' }));
    expect((await labelsIn(page, 'App passwords')).sort()).toEqual(['Olga phone', 'Paul laptop', 'Paul tablet']);
    expect(await page.getByRole('button', { name: /^Revoke selected/ }).count()).toBe(0);
    expect(await inventory.getByRole('checkbox').count()).toBe(0);
    expect(await inventory.getByRole('button', { name: 'Uses' }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The same filter now: Olga's phone has been used since, Paul's late one is new.
    await page.getByLabel('As of (UTC)').fill('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('isNeverUsed') === 'true' && !url.searchParams.has('asOf'));
    await expectVisible(page.getByRole('status').filter({ hasText: /^\s*3 app passwords match\s*$/ }));
    await expectVisible(inventory.getByText('Paul late'));
    // Now the first column holds the selection's checkboxes: the labels are the links to each app password.
    const labelsNow = (await inventory.locator('tbody a[href^="/app-passwords/"]').allTextContents()).map((text) => text.trim());
    expect(labelsNow.sort()).toEqual(['Paul laptop', 'Paul late', 'Paul tablet']);
    await context.close();
  });

  it('lets the admin schedule the dormant report weekly by mail, see it listed with its next run, and cancel it', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    await page.goto(`${keyward.baseUrl}/reports`);
    const dormant = page.getByRole('region', { name: 'Dormant app passwords', exact: true });
    await dormant.getByText('Schedule by mail', { exact: true }).click();
    const form = dormant.getByRole('form', { name: 'Schedule by mail: Dormant app passwords' });
    // Keyward mails reports within the organisation only: the server says so, and the form shows its words.
    await form.getByLabel('Recipients').fill('someone@fabrikam.example');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await expectVisible(form.getByRole('alert').filter({ hasText: "someone@fabrikam.example is outside the tenant's domains" }));

    await form.getByLabel('Cadence').selectOption('WEEKLY');
    await form.getByLabel('Recipients').fill('audit@contoso.example');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await expectVisible(form.getByRole('status').filter({ hasText: /^Scheduled weekly as PDF to audit@contoso\.example: the first is being mailed now/ }));
    const schedules = page.getByRole('table', { name: 'Scheduled reports' });
    const row = schedules.locator('tbody tr').first();
    await expectVisible(row.getByText('Dormant app passwords · unused for 45 days'));
    const cells = async () => (await row.locator('td').allTextContents()).map((text) => text.trim());
    expect((await cells()).slice(1, 4)).toEqual(['Weekly', 'PDF', 'audit@contoso.example']);
    expect((await cells())[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await cells())[5]).toBe('Active');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-reports-scheduled');

    await row.getByRole('button', { name: 'Cancel the schedule of Dormant app passwords to audit@contoso.example' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Cancelled: Dormant app passwords is no longer mailed to audit@contoso.example.' }));
    await eventually(async () => ((await cells())[5]?.startsWith('Cancelled') ? true : undefined));
    expect((await cells())[4]).toBe('—');
    expect(await row.getByRole('button').count()).toBe(0);
    await context.close();
  });

  it('lets the admin start a review, a second admin decide from the keyboard, and an owner say her app password is needed', async () => {
    const starter = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    await starter.page.goto(`${keyward.baseUrl}/reviews`);
    await starter.page.getByLabel('Name', { exact: true }).fill('App passwords, December');
    await starter.page.getByRole('button', { name: 'Start the review' }).click();
    await starter.page.waitForURL(/\/reviews\/[^/?]+$/);
    await expectVisible(starter.page.getByRole('heading', { name: 'App passwords, December' }));
    reviewUrl = starter.page.url();
    await starter.context.close();

    const { context, page } = await signedIn('gina@contoso.example', 'gina-console-password');
    await page.goto(reviewUrl);
    const items = page.getByRole('table', { name: 'Items of the review' });
    await expectVisible(items.locator('tbody tr').first());
    const labels = (await items.locator('tbody tr td:nth-child(3)').allTextContents()).map((text) => text.trim());
    const rowOf = (label: string) => labels.findIndex((text) => text.startsWith(label));
    const focused = async () => (await items.locator('tbody tr').evaluateAll((rows) => rows.findIndex((row) => row.getAttribute('aria-selected') === 'true')));
    /** Moves the focused row to the one labelled so, with j and k. */
    const moveTo = async (label: string) => {
      for (let at = await focused(); at !== rowOf(label); at = await focused()) await page.keyboard.press(at < rowOf(label) ? 'j' : 'k');
    };

    await page.getByLabel('Justification (for Keep, Revoke and Keep selected)').fill('Checked with the owner in December');
    await items.locator('tbody tr').first().locator('td').nth(1).click();
    await moveTo('Paul laptop');
    await page.keyboard.press('a');
    await expectVisible(page.getByRole('status').filter({ hasText: '1 of 4 decided: 1 kept, 0 revoked, 3 undecided.' }));
    // The focus goes on to the next item still to decide.
    await eventually(async () => (labels[await focused()].startsWith('Paul laptop') ? undefined : true));
    expect(await items.locator('tbody tr[aria-selected="true"]').evaluate((row) => row === document.activeElement)).toBe(true);
    await moveTo('Paul tablet');
    await page.keyboard.press('r');
    await expectVisible(page.getByRole('status').filter({ hasText: '2 of 4 decided: 1 kept, 1 revoked, 2 undecided.' }));
    expect(await page.locator('kw-review-progress progress').getAttribute('value')).toBe('50');
    expect(await items.locator('tbody tr').nth(rowOf('Paul tablet')).textContent()).toContain('Checked with the owner in December');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-access-review');
    expect(await statusOf('paulTablet')).toBe('REVOKED');
    expect(await statusOf('paulLaptop')).toBe('ACTIVE');

    const owner = await signedIn('olga@contoso.example', 'olga-console-password');
    expect(await navLinks(owner.page, 'Main')).toEqual(['Reviews', 'My app passwords']);
    await owner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
    await owner.page.getByRole('link', { name: 'App passwords, December' }).click();
    const own = owner.page.getByRole('table', { name: 'Items of the review' });
    await expectVisible(own.getByText('Olga phone'));
    expect(await own.locator('tbody tr').count()).toBe(1);
    expect(await owner.page.getByRole('button', { name: /^(Keep|Revoke) / }).count()).toBe(0);
    await owner.page.getByLabel('What Olga phone is still used for (optional)').fill('Mail on my phone');
    await owner.page.getByRole('button', { name: 'I still need this: Olga phone' }).click();
    await expectVisible(own.getByText('“Mail on my phone”'));
    expect(await seriousAccessibilityViolations(owner.page)).toEqual([]);
    await owner.context.close();

    await page.reload();
    await eventually(async () => ((await items.locator('tbody tr').nth(rowOf('Olga phone')).textContent())?.includes('Still needed') ? true : undefined), 10_000);
    await context.close();
  });
});
