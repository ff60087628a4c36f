import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { EVENTS_FILE } from '@keyward/shared/event-store';
import { ADMIN_PASSWORD, KeywardProcess, launchChromium } from '@keyward/e2e/support';
import { writeInventoryData, type InventoryDataSize } from './inventory-data';

export interface InventoryTimings {
  /** Navigation to /app-passwords until the first page's rows are on screen, ms. */
  firstPage: number[];
  /** A filter, sort or page change until the new rows are on screen, ms. */
  filterChange: number[];
  /** The same, by change. */
  byChange: Record<string, number[]>;
  /** Navigation to /dashboard until its plots are drawn, ms. */
  dashboard: number[];
}

export interface InventoryBenchResult {
  big: InventoryTimings;
  small: InventoryTimings;
  events: number;
  writeSeconds: number;
  catchUpSeconds: number;
}

const TABLE = 'table[aria-label="App passwords"]';

/** The view changes a reviewer makes, in order; each ends on a different server-side query. */
const apply = (page: Page) => page.getByRole('button', { name: 'Apply filters' }).click();
export const CHANGES: [string, (page: Page) => Promise<void>][] = [
  ['status = active', (page) => page.getByLabel('Status').selectOption('ACTIVE').then(() => apply(page))],
  ['+ used over imap', (page) => page.getByLabel('Used over').selectOption('imap').then(() => apply(page))],
  ['+ sort by last use', (page) => page.getByRole('button', { name: 'Last used' }).click()],
  ['+ next page', (page) => page.getByRole('button', { name: 'Next' }).click()],
  ['+ search "Scanner"', (page) => page.getByLabel('Search label or user').fill('Scanner').then(() => apply(page))],
  ['+ sort by label', (page) => page.getByRole('button', { name: 'Label' }).click()],
  ['reset', (page) => page.getByRole('button', { name: 'Reset' }).click()],
  ['never used', (page) => page.locator('select[name="neverUsed"]').selectOption('true').then(() => apply(page))],
  ['reset', (page) => page.getByRole('button', { name: 'Reset' }).click()],
];

async function signIn(browser: Browser, baseUrl: string, domain: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('User principal name').fill(`admin@${domain}`);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard$/);
  return page;
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Waits for the answer to the next GraphQL request and for the page to show it (rows, or "no match"). */
async function answered(page: Page, change: () => Promise<void>): Promise<void> {
  const response = page.waitForResponse((r) => r.url().endsWith('/graphql'));
  response.catch(() => undefined);
  await change();
  await response;
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.getAttribute('aria-busy') === 'false' || document.querySelector('kw-page-state .empty') !== null,
    TABLE,
  );
}

async function measureTenant(browser: Browser, baseUrl: string, domain: string, rounds: number): Promise<InventoryTimings> {
  const page = await signIn(browser, baseUrl, domain);
  const timings = emptyTimings();
  for (let round = 0; round < rounds; round++) {
    timings.dashboard.push(await timed(async () => {
      await page.goto(`${baseUrl}/dashboard`);
      await page.locator('canvas').nth(2).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.stat-value').length === 6);
    }));
    timings.firstPage.push(await timed(async () => {
      await page.goto(`${baseUrl}/app-passwords?pageSize=25`);
      await page.locator(`${TABLE} tbody tr`).first().waitFor();
    }));
    await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') === 'false', TABLE);
    for (const [name, change] of CHANGES) {
      const ms = await timed(() => answered(page, () => change(page)));
      process.stderr.write(`  ${domain}: ${name} ${ms.toFixed(0)} ms\n`);
      timings.filterChange.push(ms);
      (timings.byChange[name] ??= []).push(ms);
    }
  }
  await page.context().close();
  return timings;
}

/**
 * The console over a large tenant against the same console over a small one, in one run on one
 * Keyward process: `size` in the big tenant, 100 app passwords with the same history each in the
 * small one (the baseline). Driven through Debian's Chromium as a user would.
 */
export async function benchInventory(size: InventoryDataSize, rounds: number, keptDataDir: string | null = null): Promise<InventoryBenchResult> {
  // A kept directory is filled once and reused by later runs (writing 5 million events takes minutes).
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'keyward-bench-inventory-'));
  mkdirSync(dataDir, { recursive: true });
  let keyward: KeywardProcess | null = null;
  let browser: Browser | null = null;
  try {
    const isFilled = existsSync(join(dataDir, EVENTS_FILE));
    const none = { events: 0, seconds: 0 };
    const big = isFilled ? none : await writeInventoryData(dataDir, 'big.example', size);
    const small = isFilled ? none : await writeInventoryData(dataDir, 'small.example', { keyPrefix: 'sm', users: 5, appPasswordsPerUser: 20, usesPerAppPassword: size.usesPerAppPassword });
    keyward = new KeywardProcess({ dataDir, domains: 'big.example,small.example', env: { KEYWARD_LOG_LEVEL: 'warn' }, startTimeoutMs: 3_600_000 });
    const catchUpSeconds = (await timed(() => keyward!.start())) / 1000;
    browser = await launchChromium();
    // Alternate the tenants so that machine noise falls on both alike.
    const results = { big: emptyTimings(), small: emptyTimings() };
    for (let round = 0; round < rounds; round++) {
      for (const [name, domain] of [['small', 'small.example'], ['big', 'big.example']] as const) {
        const timings = await measureTenant(browser, keyward.baseUrl, domain, 1);
        results[name].firstPage.push(...timings.firstPage);
        results[name].filterChange.push(...timings.filterChange);
        results[name].dashboard.push(...timings.dashboard);
        for (const [change, samples] of Object.entries(timings.byChange)) (results[name].byChange[change] ??= []).push(...samples);
      }
    }
    return { ...results, events: big.events + small.events, writeSeconds: big.seconds + small.seconds, catchUpSeconds };
  } finally {
    await browser?.close();
    await keyward?.stop();
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

function emptyTimings(): InventoryTimings {
  return { firstPage: [], filterChange: [], dashboard: [], byChange: {} };
}

/** The q-quantile of the samples (0.5: the median). */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
