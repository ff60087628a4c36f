import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags this machine needs (no downloads, no background
 * traffic). Playwright gives every launch a fresh temporary profile.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['KEYWARD_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A new browser context signed in to the console at `baseUrl` through its sign-in page, `width` px wide. */
export async function signInInBrowser(browser: Browser, baseUrl: string, user: string, password: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('User principal name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  return { context, page };
}

/** Saves a full-page screenshot under e2e/console/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, '../console/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
/**
 * Saves docs/console/<name>.png, the documentation's picture (the whole page with `fullPage`, else
 * what the viewport shows), only when KEYWARD_DOCS_SCREENSHOTS is set
 * (`KEYWARD_DOCS_SCREENSHOTS=1 npx jest -c e2e/jest.config.js <spec>`): a test run never changes
 * the docs unasked.
 */
export async function docsScreenshot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  if (!process.env['KEYWARD_DOCS_SCREENSHOTS']) return;
  await page.screenshot({ path: join(__dirname, '../../docs/console', `${name}.png`), fullPage });
}

/** The link texts of the navigation with this accessible name ("Main", "Incidents"). */
export async function navLinks(page: Page, name: string): Promise<string[]> {
  return (await page.getByRole('navigation', { name }).getByRole('link').allTextContents()).map((text) => text.trim());
}

/** What axe found on a page at an impact we do not accept (serious or critical), as readable lines. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Waits until the locator's first match is visible. */
export async function expectVisible(locator: ReturnType<Page['getByText']>, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** The secret a generate dialog shows once; when none comes, the failure says what the dialog showed instead. */
export async function shownSecret(dialog: Locator): Promise<string> {
  try {
    return (await dialog.getByTestId('secret').textContent())?.trim() ?? '';
  } catch (error) {
    throw new Error(`No secret was shown; the dialog says: ${(await dialog.innerText().catch(() => '(gone)')).replace(/\s+/g, ' ')}`, { cause: error });
  }
}
