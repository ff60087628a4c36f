import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
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
  OFFLINE_VERIFIER,
  publishedKeys,
  verify,
} from '@keyward/e2e/support';

const run = promisify(execFile);
const TENANT_PAGES = ['Dashboard', 'App passwords', 'Users', 'Incidents', 'Reviews', 'Audit trail', 'Policy'];


// The Exports page in Debian's Chromium against a real Keyward (DESIGN §8): an auditor downloads
// a bundle of the whole log, watching it stream in, sees the checkpoint it is drawn from and the
// tenant's verifier key, and the bundle verifies offline with the command the page shows. A user
// and an incident responder have no Exports entry, and the address sends them home.
describe('exports in the console', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_CHECKPOINT_SECONDS: '1' } });
  const downloads = mkdtempSync(join(tmpdir(), 'keyward-exports-'));
  let browser: Browser;
  let admin: ConsoleClient;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createIncidentTeam(admin);
    const alice = await createUser(admin, 'alice@contoso.example');
    const { secret } = await generate(admin, alice.id, 'Thunderbird');
    // Sign-ins are events of the log too: enough records for a bundle worth verifying.
    for (let i = 0; i < 25; i++) expect((await verify(keyward.baseUrl, 'alice@contoso.example', secret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
    rmSync(downloads, { recursive: true, force: true });
  });

  const signedIn = (user: string, password: string) => signInInBrowser(browser, keyward.baseUrl, user, password);
  const keysOf = () => publishedKeys(keyward.baseUrl);
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const downloadButton = (page: Page) => page.getByRole('button', { name: 'Download bundle' });
  const outcome = (page: Page, text: string | RegExp) => page.locator('.download-outcome').filter({ hasText: text });

  /** Keeps every line the download's progress shows, however briefly, in `window.progressLines`. */
  const recordProgress = (page: Page) =>
    page.evaluate(() => {
      const lines: string[] = [];
      (window as unknown as { progressLines: string[] }).progressLines = lines;
      new MutationObserver(() => {
        const line = document.querySelector('.download-progress [role="status"]')?.textContent?.trim();
        if (line && lines.at(-1) !== line) lines.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

  it('lets an auditor download a bundle with its progress, shows the checkpoint and the key, and the bundle verifies offline', async () => {
    const { context, page } = await signedIn('audrey@contoso.example', 'audrey-console-password');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: keyward.baseUrl });
    expect(await navLinks(page, 'Main')).toEqual([...TENANT_PAGES.slice(0, 6), 'Exports', 'Reports', 'Policy']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exports' }).click();
    await page.waitForURL(/\/exports$/);
    await expectVisible(page.getByRole('heading', { name: 'Exports', level: 1 }));

    // The latest checkpoint, as a signed note, and the tenant's current key beside it.
    const notePre = page.getByRole('figure', { name: 'The signed note, exactly as Keyward serves it' }).locator('pre');
    await expectVisible(notePre);
    const note = (await notePre.textContent()) ?? '';
    const [origin, size, rootHash] = note.split('\n');
    expect(Number(size)).toBeGreaterThan(25);
    expect(note).toMatch(new RegExp(`\\n\\n\u2014 \\S+ \\S+\\n$`));
    await expectVisible(page.getByText(`${size} records`, { exact: true }));
    await expectVisible(page.getByText(rootHash, { exact: true }));
    const current = (await keysOf()).find((key) => key.origin === origin && key.retiredAt === null);
    expect(current).toBeDefined();
    const keys = page.getByRole('list', { name: 'Verifier keys of this tenant' });
    const currentItem = keys.getByRole('listitem').first();
    await expectVisible(currentItem.getByText(current!.verifierKey, { exact: true }));
    expect(await currentItem.textContent()).toContain('Current key');
    expect(await currentItem.getAttribute('class')).toContain('current');
    await currentItem.getByRole('button', { name: 'Copy the current key' }).click();
    await expectVisible(currentItem.getByRole('button', { name: 'Copied' }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(current!.verifierKey);

    // The whole log by default; each format in the bundle, said so.
    expect(await page.getByLabel(/^From/).inputValue()).toBe('0');
    expect(await page.getByLabel(/^To/).inputValue()).toBe(size);
    await expectVisible(page.getByText(/always holds the records three ways: records\.ndjson .* records\.csv .* records\.ocsf\.ndjson/));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await recordProgress(page);
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton(page).click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/\.zip$/);
    const file = join(downloads, fileName);
    await download.saveAs(file);
    await expectVisible(outcome(page, `Saved ${fileName} (`));
    expect(await outcome(page, 'Saved').textContent()).toMatch(new RegExp(`^Saved ${fileName.replace(/[.]/g, '\\.')} \\(\\d+(\\.\\d)? (bytes|KB|MB), ${size} records\\)\\.`));
    const progressLines = await page.evaluate(() => (window as unknown as { progressLines: string[] }).progressLines);
    expect(progressLines.length).toBeGreaterThan(0);
    expect(progressLines.every((line) => /^Downloading the audit log bundle( of \d+ records)?… \d+(\.\d)? (bytes|KB|MB)( of .+)? received\.$/.test(line))).toBe(true);
    expect(await page.locator('.download-progress').count()).toBe(0);

    // The command the page shows, run as an auditor would: the saved file, the pinned key.
    const command = (await page.getByRole('figure', { name: /^The command an auditor runs/ }).locator('pre').textContent())?.trim();
    expect(command).toBe(`node keyward.mjs verify-export ${fileName} --key ${current!.verifierKey}`);
    const { stdout } = await run(process.execPath, [OFFLINE_VERIFIER, 'verify-export', file, '--key', current!.verifierKey], { env: { PATH: process.env['PATH'] ?? '' } });
    expect(stdout).toMatch(new RegExp(`^OK ${size} records`));
    await screenshot(page, 'auditor-exports');
    await docsScreenshot(page, 'exports', { fullPage: true });

    // The server's own words when it refuses: a user who is not in the tenant.
    await page.getByRole('radio', { name: 'The usage history of one user' }).check();
    await page.getByLabel('User (principal name)').fill('nobody@contoso.example');
    await downloadButton(page).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: 'nobody@contoso.example' }));

    // A download that has not come yet is cancelled, and nothing is saved.
    await page.route((url) => url.pathname === '/exports/bundle', () => undefined);
    await page.getByRole('radio', { name: 'The app-password inventory' }).check();
    await downloadButton(page).click();
    await expectVisible(page.getByText(/^Downloading the inventory bundle… 0 bytes received\.$/));
    expect(await downloadButton(page).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel download' }).click();
    await expectVisible(outcome(page, 'Download cancelled after 0 bytes: nothing was saved.'));
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    await page.setViewportSize({ width: 1024, height: 900 });
    expect(await overflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('gives a user no Exports entry, sends them home from the address, and the server refuses them a bundle', async () => {
    const { context, page } = await signedIn('uma@contoso.example', 'uma-console-password');
    expect(await navLinks(page, 'Main')).toEqual(['Reviews', 'My app passwords']);
    await page.goto(`${keyward.baseUrl}/exports`);
    await page.waitForURL(/\/me\/app-passwords$/);
    expect(await page.getByRole('heading', { name: 'Exports', exact: true }).count()).toBe(0);
    const uma = new ConsoleClient(keyward.baseUrl);
    await uma.signIn('uma@contoso.example', 'uma-console-password');
    expect((await fetch(`${keyward.baseUrl}/exports/bundle?kind=inventory`, { headers: { cookie: uma.sessionCookie } })).status).toBe(403);
    await context.close();
  });

  it('gives an incident responder no Exports entry either, and sends them to the dashboard', async () => {
    const { context, page } = await signedIn('rita@contoso.example', 'rita-console-password');
    expect(await navLinks(page, 'Main')).toEqual(TENANT_PAGES);
    await page.goto(`${keyward.baseUrl}/exports`);
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByRole('heading', { name: 'Exports', exact: true }).count()).toBe(0);
    await context.close();
  });
});
