import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EVENTS_FILE } from '@keyward/shared/event-store';
import { userIdFor } from '@keyward/identity/domain';
import { ADMIN_PASSWORD, ConsoleClient, KeywardProcess } from '@keyward/e2e/support';
import { writeInventoryData, type InventoryDataSize } from './inventory-data';
import { serverPid } from './audit-log-http';
import { quantile } from './inventory.bench';
import { RssSampler } from './rss-sampler';

const DAY_MS = 86_400_000;
const LIVE = 'query { appPasswords(first: 50) { totalCount edges { node { id label status lastUsedAt useCount } } } }';
const AS_OF = 'query($at: DateTime!) { appPasswordsAsOf(at: $at, first: 50) { totalCount edges { node { id label status lastUsedAt useCount } } } }';
/** Pages that filter or sort on sign-ins: as of a moment, those are worked out for every row. */
const SIGN_IN_PAGES = [
  { what: 'active, unused 7 days, by last use', args: 'filter: { status: ACTIVE, unusedForDays: 7 }, sort: { field: LAST_USED_AT, direction: ASC }' },
  { what: 'all, by use count', args: 'sort: { field: USE_COUNT, direction: DESC }' },
];
const asOfPage = (args: string) => `query($at: DateTime!) { appPasswordsAsOf(at: $at, first: 50, ${args}) { totalCount edges { node { id label lastUsedAt useCount } } } }`;
const livePage = (args: string) => `query { appPasswords(first: 50, ${args}) { totalCount edges { node { id label lastUsedAt useCount } } } }`;
const START = 'mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { id total } }';
const DRY_RUN = 'mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id matched } }';

export interface ComplianceBenchResult {
  events: number;
  catchUpSeconds: number;
  /** Per moment (days back), the first page of appPasswordsAsOf and of the live inventory, ms. */
  asOf: { daysBack: number; asOf: number[]; live: number[]; what?: string; matched?: number }[];
  review: { items: number; start: number[]; dryRun: number[] };
  /** Streaming a report's CSV: rows, bytes, seconds and the server's resident memory over it. */
  downloads: { name: string; rows: number; megabytes: number; seconds: number; rssStartMb: number; rssPeakMb: number }[];
}

async function timed<T>(action: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await action();
  return [performance.now() - started, value];
}

/**
 * The compliance issue's speed goals on one tenant of `size` (the inventory's 100,000 app
 * passwords with 5 million sign-ins; `--quick`: a tenth), each against a baseline in the same run:
 * - the first page of appPasswordsAsOf at moments 1 hour to 59 days back against the first page
 *   of the live inventory, alternating;
 * - starting a review of about 10,000 app passwords against a dry-run revocation case of the same
 *   filter (the same selection, without the items' facts);
 * - the dormant report's CSV of every active app password, with the server's memory sampled, against
 *   the inventory's CSV export (also streamed) of the same tenant.
 */
export async function benchCompliance(size: InventoryDataSize, rounds: number, keptDataDir: string | null): Promise<ComplianceBenchResult> {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'keyward-bench-compliance-'));
  mkdirSync(dataDir, { recursive: true });
  let keyward: KeywardProcess | null = null;
  try {
    const written = existsSync(join(dataDir, EVENTS_FILE)) ? { events: 0 } : await writeInventoryData(dataDir, 'big.example', size);
    keyward = new KeywardProcess({ dataDir, domains: 'big.example', env: { KEYWARD_LOG_LEVEL: 'warn', KEYWARD_STEP_UP_SECONDS: '86400' }, startTimeoutMs: 3_600_000 });
    const [catchUpMs] = await timed(() => keyward!.start());
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@big.example', ADMIN_PASSWORD);
    // A report cites the audit-log checkpoint covering what it shows, so it waits for the log to
    // hold every event: on a first start over a large store, the log's own catch-up. Wait for it
    // first, so that no measurement shares the machine with the catch-up.
    const [logMs] = await timed(async () => {
      // Each try waits at most fetch's five minutes for the answer; the log may need longer.
      for (;;) {
        const answered = await fetch(`${keyward!.baseUrl}/audit/checkpoint`, { headers: { cookie: admin.sessionCookie } }).catch(() => null);
        if (answered?.status === 200) return;
      }
    });
    process.stderr.write(`  audit log caught up in ${(logMs / 1000).toFixed(0)} s more\n`);
    const result: ComplianceBenchResult = { events: written.events, catchUpSeconds: catchUpMs / 1000, asOf: [], review: { items: 0, start: [], dryRun: [] }, downloads: [] };
    for (const daysBack of [1 / 24, 10, 25, 45, 59]) {
      const entry = { daysBack, asOf: [] as number[], live: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        const at = new Date(Date.now() - daysBack * DAY_MS).toISOString();
        entry.live.push((await timed(() => admin.data(LIVE)))[0]);
        entry.asOf.push((await timed(() => admin.data(AS_OF, { at })))[0]);
      }
      result.asOf.push(entry);
      process.stderr.write(`  as of ${daysBack} days back: ${quantile(entry.asOf, 0.5).toFixed(0)} ms, live ${quantile(entry.live, 0.5).toFixed(0)} ms\n`);
    }
    // Filtered or sorted on sign-ins: last use and use count as of the moment for every row.
    for (const { what, args } of SIGN_IN_PAGES) {
      for (const daysBack of [1 / 24, 15]) {
        const entry = { daysBack, asOf: [] as number[], live: [] as number[], what, matched: 0 };
        for (let round = 0; round < rounds; round++) {
          const at = new Date(Date.now() - daysBack * DAY_MS).toISOString();
          entry.live.push((await timed(() => admin.data(livePage(args))))[0]);
          const [ms, data] = await timed(() => admin.data(asOfPage(args), { at }));
          entry.asOf.push(ms);
          entry.matched = data['appPasswordsAsOf'].totalCount;
        }
        result.asOf.push(entry);
        process.stderr.write(`  as of ${daysBack} days back, ${what} (${entry.matched} match): ${quantile(entry.asOf, 0.5).toFixed(0)} ms, live ${quantile(entry.live, 0.5).toFixed(0)} ms\n`);
      }
    }
    // About 10,000 active app passwords: the users' 20 each, less the tenth revoked.
    const userIds = Array.from({ length: Math.min(556, size.users) }, (_, u) => userIdFor(`user${u}@big.example`));
    for (let round = 0; round < rounds; round++) {
      const filter = { userIds };
      const [dryRun] = await timed(() => admin.data(DRY_RUN, { input: { filter, reason: '', incidentRef: '', dryRun: true } }));
      const [start, started] = await timed(() => admin.data(START, { input: { name: `Bench ${round}`, filter, dueAt: new Date(Date.now() + 30 * DAY_MS).toISOString() } }));
      result.review.dryRun.push(dryRun);
      result.review.start.push(start);
      result.review.items = started['startAccessReview'].total;
      process.stderr.write(`  review of ${result.review.items}: ${start.toFixed(0)} ms, dry run ${dryRun.toFixed(0)} ms\n`);
    }
    const pid = serverPid();
    for (const [name, path] of [
      ['inventory CSV export (baseline)', '/exports/app-passwords.csv'],
      ['dormant report CSV, days=0', '/reports/dormant?days=0'],
      ['inventory CSV export (baseline)', '/exports/app-passwords.csv'],
      ['dormant report CSV, days=0', '/reports/dormant?days=0'],
    ] as const) {
      const sampler = new RssSampler(pid, 50);
      const [ms, body] = await timed(async () => {
        const response = await fetch(`${keyward!.baseUrl}${path}`, { headers: { cookie: admin.sessionCookie } });
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        let bytes = 0;
        let lines = 0;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) lines++;
        }
        return { bytes, lines };
      });
      const rss = sampler.stop();
      result.downloads.push({ name, rows: body.lines - 1, megabytes: body.bytes / 1e6, seconds: ms / 1000, rssStartMb: rss.startBytes / 1e6, rssPeakMb: rss.peakBytes / 1e6 });
      process.stderr.write(`  ${name}: ${body.lines - 1} rows in ${(ms / 1000).toFixed(1)} s, RSS ${(rss.startBytes / 1e6).toFixed(0)} → ${(rss.peakBytes / 1e6).toFixed(0)} MB\n`);
    }
    return result;
  } finally {
    await keyward?.stop();
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
