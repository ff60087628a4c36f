import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createUser,
  eventually,
  expectVisible,
  KeywardProcess,
  launchChromium,
  mistyped,
  screenshot,
  seriousAccessibilityViolations,
  shownSecret,
  verify,
} from '@keyward/e2e/support';

// Every page, for every role, on the demo tenant, in Debian's Chromium: what each role sees and
// may do, with axe run on each page.
describe('the console for each role, on the demo tenant', () => {
  const keyward = new KeywardProcess({ command: 'demo' });
  let browser: Browser;
  let admin: ConsoleClient;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    await createUser(admin, 'ryan@contoso.example', ['INCIDENT_RESPONDER'], { password: 'ryan-console-password' });
    await createUser(admin, 'uma@contoso.example', ['USER'], { password: 'uma-console-password' });
  });
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  async function signedIn(user: string, password: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${keyward.baseUrl}/sign-in`);
    await page.getByLabel('User principal name').fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    return { context, page };
  }

  /** Opens a page, waits for its content, checks it with axe and saves a screenshot. */
  async function visit(page: Page, path: string, ready: ReturnType<Page['getByText']>, name: string): Promise<void> {
    await page.goto(`${keyward.baseUrl}${path}`);
    await expectVisible(ready);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  async function openUser(page: Page, userPrincipalName: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Search' }).fill(userPrincipalName);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: userPrincipalName }).click();
  }

  const navLinks = async (page: Page) => (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.trim());

  it('gives a global admin every page, each with content and no serious accessibility violation', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    expect(page.url()).toMatch(/\/dashboard$/);
    expect(await navLinks(page)).toEqual(['Dashboard', 'App passwords', 'Users', 'Incidents', 'Reviews', 'Audit trail', 'Exports', 'Reports', 'Policy']);
    // A global admin holds operations.read: the console asks this node for dead letters, and shows no banner when there are none.
    // (The request, not its response: a response's body is gone once the page navigates on, which
    // visit() may do before the body is read.)
    const deadLetters = page.waitForRequest((request) => request.url().endsWith('/graphql') && (request.postData() ?? '').includes('deadLetters'));
    await visit(page, '/dashboard', page.getByText('Sign-ins per day by protocol'), 'admin-dashboard');
    expect((await deadLetters).method()).toBe('POST');
    expect(await admin.data('{ deadLetters { eventId } }')).toEqual({ deadLetters: [] });
    expect(await page.getByText('failed to process on this node').count()).toBe(0);
    expect(Number(await page.locator('.stat-value').first().textContent())).toBeGreaterThan(300);
    await page.getByText('Show the numbers').first().click();
    await expectVisible(page.getByRole('columnheader', { name: 'imap' }));

    await visit(page, '/app-passwords', page.getByRole('table', { name: 'App passwords' }), 'admin-inventory');
    await visit(page, '/users', page.getByRole('table', { name: 'Users' }), 'admin-users');
    await openUser(page, 'ines.ito@contoso.example');
    await expectVisible(page.getByRole('heading', { name: 'Sign-in timeline' }));
    await expectVisible(page.getByRole('button', { name: 'Revoke all app passwords' }));
    await expectVisible(page.getByRole('button', { name: 'Disable user' }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-user');
    await page.getByRole('button', { name: 'Revoke all app passwords' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Account compromised');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke all' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const userTable = page.getByRole('table', { name: 'App passwords of this user' });
    await expectVisible(userTable.getByText('Account compromised'));
    expect(await userTable.getByText('ACTIVE', { exact: true }).count()).toBe(0);
    await page.locator('a[href^="/app-passwords/dem"]').first().click();
    await expectVisible(page.getByRole('heading', { name: 'Usage history' }));
    await expectVisible(page.getByText('AppPasswordGenerated'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-credential');
    await visit(page, '/audit', page.getByRole('table', { name: 'Audit events' }), 'admin-audit');
    await visit(page, '/policy', page.getByRole('button', { name: 'Save policy' }), 'admin-policy');
    await visit(page, '/incidents', page.getByRole('button', { name: 'Preview' }), 'admin-incidents');
    await visit(page, '/incidents/cases', page.getByRole('heading', { name: 'Revocation cases' }), 'admin-incident-cases');
    await context.close();
  });

  it('filters, sorts and exports the inventory on the server, keeping the view in the URL', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    await page.goto(`${keyward.baseUrl}/app-passwords`);
    const matches = page.getByRole('status').filter({ hasText: 'app passwords match' });
    await expectVisible(matches.filter({ hasText: /^[1-9]\d* app passwords match/ }));
    const all = Number((await matches.textContent())?.match(/\d+/)?.[0]);
    await page.getByLabel('Used over').selectOption('pop');
    await page.getByLabel('Status').selectOption('ACTIVE');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/protocol=pop/);
    await eventually(async () => (Number((await matches.textContent())?.match(/\d+/)?.[0]) < all ? true : undefined));
    const filtered = Number((await matches.textContent())?.match(/\d+/)?.[0]);
    expect(filtered).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Label' }).click();
    await page.waitForURL(/sort=LABEL&direction=ASC/);
    await expectVisible(page.getByRole('columnheader', { name: 'Label' }).and(page.locator('[aria-sort="ascending"]')));
    const labels = await page.locator('tbody tr td:nth-child(2) a').allTextContents();
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    const href = await page.getByRole('link', { name: 'Download CSV of this view' }).getAttribute('href');
    expect(href).toContain('protocol=pop');
    const csv = await (await context.request.get(`${keyward.baseUrl}${href}`)).text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(filtered + 1);

    // The view survives a reload: it is in the URL.
    await page.reload();
    await expectVisible(matches.filter({ hasText: `${filtered} app passwords match` }));
    await context.close();
  });

  it('revokes selected app passwords as one revocation case with a reason, showing its progress', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    await page.goto(`${keyward.baseUrl}/app-passwords?status=ACTIVE&label=Scanner&pageSize=25`);
    await expectVisible(page.getByRole('table', { name: 'App passwords' }));
    const boxes = page.locator('tbody input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Revoke selected (2)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Scanner firmware leak');
    await dialog.getByLabel('Incident reference').fill('INC-7');
    await dialog.getByRole('button', { name: 'Revoke 2' }).click();
    await expectVisible(dialog.getByText('2 of 2 done: 2 revoked, 0 already revoked, 0 failed.'), 15_000);
    await screenshot(page, 'admin-bulk-revoke');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const revoked = await admin.data(`{ auditEvents(filter: { types: ["AppPasswordRevoked"] }, first: 200) { edges { node { data } } } }`);
    const inIncident = revoked['auditEvents'].edges.filter((edge: { node: { data: { incidentRef: string | null } } }) => edge.node.data.incidentRef === 'INC-7');
    expect(inIncident).toHaveLength(2);
    // One case for the selection, not one mutation per row.
    const { revocationCases } = await admin.data('{ revocationCases(first: 50) { edges { node { incidentRef matched status } } } }');
    const cases = revocationCases.edges.map((edge: { node: { incidentRef: string } }) => edge.node).filter((found: { incidentRef: string }) => found.incidentRef === 'INC-7');
    expect(cases).toEqual([{ incidentRef: 'INC-7', matched: 2, status: 'COMPLETED' }]);
    await context.close();
  });

  it('changes the policy as a global admin, and records who did', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD);
    await page.goto(`${keyward.baseUrl}/policy`);
    await page.getByLabel('Most active app passwords per user').fill('12');
    await page.getByRole('checkbox', { name: 'pop' }).uncheck();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expectVisible(page.getByText('Saved. The new policy applies from now on.'));
    await expectVisible(page.getByRole('listitem').filter({ hasText: 'by admin@contoso.example' }));
    const { tenantPolicy } = await admin.data('{ tenantPolicy { maxActivePerUser allowedScopes } }');
    expect(tenantPolicy).toEqual({ maxActivePerUser: 12, allowedScopes: ['imap', 'smtp', 'http'] });
    await page.getByLabel('Most active app passwords per user').fill('0');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'maxActivePerUser must be a whole number from 1 to 100' }));
    await context.close();
  });

  it('shows an auditor everything and no action that changes anything', async () => {
    const { context, page } = await signedIn('audrey@contoso.example', 'audrey-console-password');
    const deadLetterQueries: string[] = [];
    page.on('request', (request) => {
      if ((request.postData() ?? '').includes('deadLetters')) deadLetterQueries.push(request.url());
    });
    expect(await navLinks(page)).toEqual(['Dashboard', 'App passwords', 'Users', 'Incidents', 'Reviews', 'Audit trail', 'Exports', 'Reports', 'Policy']);
    await visit(page, '/app-passwords', page.getByRole('table', { name: 'App passwords' }), 'auditor-inventory');
    expect(await page.getByRole('button', { name: /Revoke|Generate/ }).count()).toBe(0);
    expect(await page.locator('tbody input[type="checkbox"]').count()).toBe(0);
    await visit(page, '/policy', page.getByText('Only global admins change the policy; you can read it.'), 'auditor-policy');
    expect(await page.getByRole('button', { name: 'Save policy' }).count()).toBe(0);
    expect(await page.getByLabel('Most active app passwords per user').isDisabled()).toBe(true);
    await page.goto(`${keyward.baseUrl}/users`);
    await openUser(page, 'ines.ito@contoso.example');
    await expectVisible(page.getByRole('heading', { name: 'Sign-in timeline' }));
    expect(await page.getByRole('button', { name: /Revoke|Disable|Generate/ }).count()).toBe(0);
    await visit(page, '/dashboard', page.getByText('Active app passwords', { exact: true }), 'auditor-dashboard');
    // Without operations.read, the console never asks for dead letters.
    expect(deadLetterQueries).toEqual([]);
    await context.close();
  });

  it('lets an incident responder revoke but not generate or change the policy', async () => {
    const { context, page } = await signedIn('ryan@contoso.example', 'ryan-console-password');
    await visit(page, '/app-passwords', page.getByRole('table', { name: 'App passwords' }), 'responder-inventory');
    await expectVisible(page.getByRole('button', { name: /Revoke selected/ }));
    expect(await page.getByRole('button', { name: 'Generate app password' }).count()).toBe(0);
    await visit(page, '/incidents', page.getByRole('button', { name: 'Preview' }), 'responder-incidents');
    await page.goto(`${keyward.baseUrl}/policy`);
    await expectVisible(page.getByText('Only global admins change the policy; you can read it.'));
    await context.close();
  });

  it('gives a user only their own app passwords, the shown-once secret, and why a client failed', async () => {
    const { context, page } = await signedIn('uma@contoso.example', 'uma-console-password');
    expect(page.url()).toMatch(/\/me\/app-passwords$/);
    expect(await navLinks(page)).toEqual(['Reviews', 'My app passwords']);
    await expectVisible(page.getByText('You have no app passwords yet.'));
    await page.goto(`${keyward.baseUrl}/dashboard`);
    await page.waitForURL(/\/me\/app-passwords$/);
    await page.goto(`${keyward.baseUrl}/incidents`);
    await expectVisible(page.getByRole('heading', { name: 'Not allowed' }));
    await page.goto(`${keyward.baseUrl}/me/app-passwords`);

    await page.getByRole('button', { name: 'Generate app password' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('For user').count()).toBe(0);
    await dialog.getByLabel('Label').fill('Phone mail');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    const secret = await shownSecret(dialog);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expectVisible(page.getByRole('link', { name: 'Phone mail' }).first());

    // A client with a mistyped password, then one with a revoked one.
    const typo = mistyped(secret);
    expect((await verify(keyward.baseUrl, 'uma@contoso.example', typo, { 'x-keyward-protocol': 'imap' })).status).toBe(401);
    await page.reload();
    await expectVisible(page.getByRole('cell', { name: /A typo: the password was almost right/ }), 15_000);
    await expectVisible(page.getByText('Spaces, capitals and hidden characters do not matter'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'user-self-service');

    // Their own credential's page, and nobody else's.
    await page.getByRole('link', { name: 'Phone mail' }).first().click();
    await expectVisible(page.getByRole('heading', { name: 'Usage history' }));
    await expectVisible(page.getByText(/A typo: the password was almost right/));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'user-credential');
    await page.goto(`${keyward.baseUrl}/app-passwords/demaaaaaa4`);
    await expectVisible(page.getByRole('alert').filter({ hasText: 'No such app password, or it is not yours to see.' }));
    await page.goto(`${keyward.baseUrl}/me/app-passwords`);

    await page.getByRole('button', { name: /^Revoke Phone mail/ }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('New phone');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expectVisible(page.getByRole('row').filter({ hasText: 'Phone mail' }).getByText('REVOKED'));
    expect((await verify(keyward.baseUrl, 'uma@contoso.example', secret)).status).toBe(401);
    await page.reload();
    await expectVisible(page.getByRole('cell', { name: /This app password was revoked/ }), 15_000);
    await context.close();
  });

  it('shows a global admin the events this node failed to process, and retries one', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD, 1024);
    // A healthy node has no subscriber that fails on demand, so only its answers about dead letters
    // are stubbed here; every other request reaches the real server.
    let letters = [
      {
        id: '7',
        subscriber: 'app-password-list',
        eventId: 'e7',
        type: 'AppPasswordRevoked',
        streamId: 'appPassword-demaaaaaa1',
        occurredAt: '2026-12-01T10:00:00.000Z',
        attempts: 5,
        lastError: 'SQLITE_BUSY: database is locked',
        parkedAt: '2026-12-01T10:05:00.000Z',
      },
    ];
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('retryDeadLetter')) {
        letters = [];
        return route.fulfill({ json: { data: { retryDeadLetter: { isResolved: true, deadLetter: null } } } });
      }
      if (body.includes('deadLetters')) return route.fulfill({ json: { data: { deadLetters: letters } } });
      return route.continue();
    });
    await page.goto(`${keyward.baseUrl}/app-passwords`);
    const banner = page.getByRole('alert').filter({ hasText: '1 event failed to process on this node.' });
    await expectVisible(banner);
    await page.getByText('Show the failed events').click();
    await expectVisible(page.getByRole('cell', { name: 'SQLITE_BUSY: database is locked' }));
    await expectVisible(page.getByRole('table', { name: 'App passwords' }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'admin-dead-letters');
    await page.getByRole('button', { name: 'Retry AppPasswordRevoked in app-password-list' }).click();
    await banner.waitFor({ state: 'detached' });
    await context.close();
  });

  it('is usable from 1024 px wide and with the keyboard alone', async () => {
    const { context, page } = await signedIn('admin@contoso.example', ADMIN_PASSWORD, 1024);
    for (const path of ['/dashboard', '/app-passwords', '/users', '/policy', '/incidents', '/incidents/cases']) {
      await page.goto(`${keyward.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await page.goto(`${keyward.baseUrl}/app-passwords`);
    await expectVisible(page.getByRole('table', { name: 'App passwords' }));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    // The generate dialog opens from the keyboard and Escape closes it.
    await page.getByRole('button', { name: 'Generate app password' }).focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('dialog').getByLabel('Label'));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await context.close();
  });
});
