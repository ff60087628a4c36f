// Keyward's benchmarks. Every figure is a ratio against a baseline measured in the same run,
// because this machine is shared and noisy. Usage: npm run bench [-- --quick] (or -- --verify, --verify-attack, --inventory, --rebuild, --leaks, --bulk-revocation, --alerts, --audit-log)
import './threadpool';
import { cpus, totalmem } from 'node:os';
import { benchDetection } from './alerts.bench';
import { benchAppends } from './append.bench';
import { benchAuditLog } from './audit-log.bench';
import { auditLogReport } from './audit-log-report';
import { benchBulkRevocation } from './bulk-revocation.bench';
import { formatRow } from './measure';
import { benchGatewayHop } from './gateway.bench';
import { benchVerify } from './verify.bench';
import { benchVerifyUnderAttack } from './verify-attack.bench';
import { benchInventory, quantile } from './inventory.bench';
import { benchCompliance } from './compliance.bench';
import { benchRebuild } from './rebuild.bench';
import { benchLeakScan } from './leak-scan.bench';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, UV_THREADPOOL_SIZE=${process.env['UV_THREADPOOL_SIZE']}`);
  if (process.argv.includes('--inventory')) return inventory(quick);
  if (process.argv.includes('--rebuild')) return rebuild(quick);
  if (process.argv.includes('--bulk-revocation')) return bulkRevocation(quick);
  if (process.argv.includes('--leaks')) return leakScan(quick);
  if (process.argv.includes('--alerts')) return alerts(quick);
  if (process.argv.includes('--audit-log')) return auditLog(quick);
  if (process.argv.includes('--compliance')) return compliance(quick);
  console.log('| benchmark | Keyward | baseline | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  if (process.argv.includes('--verify-attack')) return verificationUnderAttack(quick);
  if (process.argv.includes('--verify')) return verification(quick);
  const appends = await benchAppends(quick ? 200 : 2000);
  console.log(formatRow('single-event append vs raw better-sqlite3 insert (WAL, synchronous=FULL)', appends.store, appends.raw, 0.5));
  await verification(quick);
  const hop = await benchGatewayHop(8, quick ? 40 : 200, quick ? 1 : 3);
  console.log(formatRow('IMAP LOGIN through Dovecot (Lua passdb) vs direct POST /verify, 8 concurrent', hop.dovecot.perSecond, hop.direct.perSecond, null));
  for (const [name, figures] of [['direct POST /verify', hop.direct], ['IMAP LOGIN via Dovecot', hop.dovecot]] as const) {
    console.log(`${name}: p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, failures ${figures.failures}`);
  }
}

/** A victim's cold sign-ins while 200 loops guess made-up names of another tenant (`--verify-attack`). */
async function verificationUnderAttack(quick: boolean): Promise<void> {
  const figures = await benchVerifyUnderAttack(200, quick ? 5 : 10, quick ? 1 : 3);
  console.log(formatRow("victim's cold GET /verify p99, under 200 concurrent guessers vs alone (lower is better)", figures.attacked.p99, figures.alone.p99, null, 'ms'));
  console.log(`victim alone: p50 ${figures.alone.p50.toFixed(1)} ms, p99 ${figures.alone.p99.toFixed(1)} ms (${figures.alone.count}); under attack: p50 ${figures.attacked.p50.toFixed(1)} ms, p99 ${figures.attacked.p99.toFixed(1)} ms (${figures.attacked.count})`);
  console.log(`guesses: ${figures.guesses.checkedPerSecond.toFixed(0)}/s checked (401), ${figures.guesses.refusedPerSecond.toFixed(0)}/s refused (503 shed or 429 throttled, each after a pause)`);
}

/** Warm and cold GET /verify against their baselines (`--verify` runs only this). */
async function verification(quick: boolean): Promise<void> {
  const verify = await benchVerify(8, quick ? 3 : 10, quick ? 1 : 3);
  console.log(formatRow('warm GET /verify (same secret again: no argon2) vs bare node:http answering 204 in the client process, 8 connections', verify.warm.perSecond, verify.bare.perSecond, 0.5));
  console.log(formatRow('warm GET /verify vs the same bare server in a process of its own (context)', verify.warm.perSecond, verify.bareAlone.perSecond, null));
  console.log(formatRow('cold GET /verify (warm path off: one argon2id check) vs raw argon2id verify (m=19456, t=2, p=1), 8 concurrent', verify.cold.perSecond, verify.argon2PerSecond, 0.9));
  for (const [name, figures] of [['warm /verify', verify.warm], ['bare node:http (client process)', verify.bare], ['bare node:http (own process)', verify.bareAlone], ['cold /verify', verify.cold]] as const) {
    console.log(`${name}: p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, non-2xx or errors ${figures.failures}`);
  }
}

/**
 * A revocation case of 100,000 app passwords (`--quick`: 20,000) under /verify load, against raw
 * batched inserts of the same number of rows in the same run.
 */
async function bulkRevocation(quick: boolean): Promise<void> {
  const figures = await benchBulkRevocation(quick ? 20_000 : 100_000, 8);
  console.log(`case of ${figures.matched} app passwords: completed in ${figures.caseSeconds.toFixed(1)} s (goal ≤ 10 s: ${figures.caseSeconds <= 10 ? 'met' : 'NOT met'})`);
  console.log(
    `/verify during the case: ${figures.verifications} answered (${figures.verificationsPerSecond.toFixed(0)}/s), ${figures.accepted} accepted; ` +
      `accepted after the revocation was in the store: ${figures.acceptedAfterRevocation} (must be 0); in flight across it: ${figures.acceptedInFlight}`,
  );
  console.log('| benchmark | Keyward | baseline | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(formatRow('revocation case (revocations + case events) vs raw batched insert of as many rows', figures.caseEventsPerSecond, figures.rawInsertsPerSecond, null, 'events/s'));
  if (figures.acceptedAfterRevocation > 0) process.exitCode = 1;
}

/** Scanning 5 MB of text with 1,000 app passwords in it (`--quick`: 100) against the argon2 checks that proving them costs (`--leaks`). */
async function leakScan(quick: boolean): Promise<void> {
  const figures = await benchLeakScan(quick ? 100 : 1000, 3);
  const mb = (figures.textLength / 1e6).toFixed(1);
  console.log(`${mb} MB of text with ${figures.embedded} app passwords (real credentials); the upload proved ${figures.proven}`);
  console.log('| measure | Keyward | baseline | ratio |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| finding the candidates in ${mb} MB vs ${figures.embedded} bare argon2id verifications, 2 at a time (as a scan runs them) | ${figures.findMs.toFixed(0)} ms | ${figures.argon2Ms.toFixed(0)} ms | ${(figures.findMs / figures.argon2Ms).toFixed(3)} |`);
  console.log(`| POST /leaks/scan end to end (upload, find, prove, record, answer) vs the same bare verifications | ${figures.uploadMs.toFixed(0)} ms | ${figures.argon2Ms.toFixed(0)} ms | ${(figures.uploadMs / figures.argon2Ms).toFixed(2)} |`);
  console.log(`| (context) the bare verifications with the whole thread pool (${process.env['UV_THREADPOOL_SIZE']} at a time) | ${figures.argon2PoolMs.toFixed(0)} ms | | |`);
}

/** Every read model rebuilt from zero against raw reading and parsing of the same events (`--quick`: 500,000 events; else 1 million). */
async function rebuild(quick: boolean): Promise<void> {
  const size = { users: quick ? 500 : 1000, appPasswordsPerUser: 20, usesPerAppPassword: 50 };
  const kept = process.argv.indexOf('--data-dir');
  const figures = await benchRebuild(size, quick ? 2 : 3, kept > 0 ? process.argv[kept + 1] : null);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  console.log(`${figures.events} events; rounds: rebuild ${figures.rebuildPerSecond.map((r) => r.toFixed(0)).join(', ')} /s, raw ${figures.rawPerSecond.map((r) => r.toFixed(0)).join(', ')} /s; command wall time ${figures.rebuildWallSeconds.map((s) => s.toFixed(1)).join(', ')} s`);
  console.log(`last round by read model: ${Object.entries(figures.byProjection).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`);
  console.log('| benchmark | Keyward | baseline | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(formatRow('rebuild of every read model vs raw read + JSON.parse of the same events', mean(figures.rebuildPerSecond), mean(figures.rawPerSecond), 0.5, 'events/s'));
}

/** The alert detection over the inventory's sign-ins and some attacks, against reading the same events (`--quick`: 250,000 sign-ins; else 1 million). */
async function alerts(quick: boolean): Promise<void> {
  const size = { users: quick ? 250 : 1000, appPasswordsPerUser: 20, usesPerAppPassword: 50 };
  const kept = process.argv.indexOf('--data-dir');
  const figures = await benchDetection(size, quick ? 2 : 3, kept > 0 ? process.argv[kept + 1] : null);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const rounds = (values: number[]) => values.map((rate) => rate.toFixed(0)).join(', ');
  console.log(`${figures.signIns} sign-in events; ${figures.alerts} alerts raised in ${figures.alertWrites} writes taking ${figures.alertWriteSeconds.toFixed(1)} s of the last round; ${figures.memoryEntries} entries in the detectors' memory at the end`);
  console.log(`rounds: detection ${rounds(figures.detectionPerSecond)} /s, store readAll ${rounds(figures.storeReadPerSecond)} /s, raw ${rounds(figures.rawPerSecond)} /s`);
  console.log('| benchmark | Keyward | baseline | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(formatRow('alert detection (subscriber, detectors, memory, alert writes) vs the store reading the same events', mean(figures.detectionPerSecond), mean(figures.storeReadPerSecond), null, 'events/s'));
  console.log(formatRow('alert detection vs raw read + JSON.parse of the same events', mean(figures.detectionPerSecond), mean(figures.rawPerSecond), null, 'events/s'));
}

/**
 * The audit log over the inventory data (1,000 users: about 1,043,000 events; `--quick`: 250 users,
 * about 261,000, and proofs at 1 million leaves instead of 10 million). `--data-dir DIR` keeps the store;
 * `--rounds N` sets the rounds (3; 2 with `--quick`).
 */
async function auditLog(quick: boolean): Promise<void> {
  const size = { users: quick ? 250 : 1000, appPasswordsPerUser: 20, usesPerAppPassword: 50 };
  const kept = process.argv.indexOf('--data-dir');
  const roundsAt = process.argv.indexOf('--rounds');
  const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : quick ? 2 : 3;
  const figures = await benchAuditLog(size, rounds, kept > 0 ? process.argv[kept + 1] : null, quick ? 1_000_000 : 10_000_000);
  for (const line of auditLogReport(figures)) console.log(line);
}

/**
 * The console over 100,000 app passwords and 5 million uses (`--quick`: a tenth of that).
 * `--data-dir DIR` keeps the generated store in DIR and reuses it in later runs.
 */
async function inventory(quick: boolean): Promise<void> {
  const size = { users: quick ? 500 : 5000, appPasswordsPerUser: 20, usesPerAppPassword: 50 };
  console.log(`${size.users * size.appPasswordsPerUser} app passwords with ${size.usesPerAppPassword} uses each (unless --data-dir holds a store already)…`);
  const kept = process.argv.indexOf('--data-dir');
  const result = await benchInventory(size, quick ? 2 : 5, kept > 0 ? process.argv[kept + 1] : null);
  if (result.events > 0) console.log(`${result.events} events written in ${result.writeSeconds.toFixed(0)} s`);
  console.log(`Keyward started (read models caught up) in ${result.catchUpSeconds.toFixed(0)} s`);
  console.log('| measure (median / p90) | big tenant | small tenant (baseline) | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  const row = (name: string, big: number[], small: number[], goalMs: number | null) => {
    const [b50, b90, s50, s90] = [quantile(big, 0.5), quantile(big, 0.9), quantile(small, 0.5), quantile(small, 0.9)];
    const goal = goalMs === null ? '—' : `< ${goalMs} ms: ${b90 < goalMs ? 'met' : 'NOT met'} (p90)`;
    console.log(`| ${name} | ${b50.toFixed(0)} / ${b90.toFixed(0)} ms | ${s50.toFixed(0)} / ${s90.toFixed(0)} ms | ${(b50 / s50).toFixed(2)} | ${goal} |`);
  };
  row('inventory first page visible', result.big.firstPage, result.small.firstPage, 1000);
  row('filter, sort or page change answered', result.big.filterChange, result.small.filterChange, 300);
  row('dashboard drawn', result.big.dashboard, result.small.dashboard, null);
  console.log('\n| change (in order) | big tenant median | small tenant median |\n| --- | --- | --- |');
  for (const [name, samples] of Object.entries(result.big.byChange)) {
    console.log(`| ${name} | ${quantile(samples, 0.5).toFixed(0)} ms | ${quantile(result.small.byChange[name] ?? [], 0.5).toFixed(0)} ms |`);
  }
}

/**
 * The compliance issue's goals (`--compliance`) on 100,000 app passwords and 5 million uses
 * (`--quick`: a tenth): the inventory as of a past moment, starting a review of 10,000 items, and the
 * dormant report's CSV in constant memory. `--data-dir DIR` keeps the store.
 */
async function compliance(quick: boolean): Promise<void> {
  const size = { users: quick ? 500 : 5000, appPasswordsPerUser: 20, usesPerAppPassword: 50 };
  const kept = process.argv.indexOf('--data-dir');
  const result = await benchCompliance(size, quick ? 2 : 3, kept > 0 ? process.argv[kept + 1] : null);
  if (result.events > 0) console.log(`${result.events} events written`);
  console.log(`Keyward started (read models caught up) in ${result.catchUpSeconds.toFixed(0)} s`);
  console.log('| measure (median of rounds) | Keyward | baseline | ratio | goal |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const { daysBack, asOf, live, what, matched } of result.asOf) {
    const [a, l] = [quantile(asOf, 0.5), quantile(live, 0.5)];
    const worst = Math.max(...asOf);
    const back = daysBack < 1 ? `${Math.round(daysBack * 24)} h` : `${daysBack} days`;
    const page = what ? `${what} (${matched} match)` : 'first page';
    console.log(`| appPasswordsAsOf ${page}, ${back} back, vs the live inventory's same page | ${a.toFixed(0)} ms | ${l.toFixed(0)} ms | ${(a / l).toFixed(2)} | < 1 s: ${worst < 1000 ? 'met' : 'NOT met'} (slowest ${worst.toFixed(0)} ms) |`);
  }
  const [start, dry] = [quantile(result.review.start, 0.5), quantile(result.review.dryRun, 0.5)];
  const slowest = Math.max(...result.review.start);
  console.log(`| startAccessReview of ${result.review.items} items vs a dry-run revocation case of the same filter | ${start.toFixed(0)} ms | ${dry.toFixed(0)} ms | ${(start / dry).toFixed(2)} | < 5 s: ${slowest < 5000 ? 'met' : 'NOT met'} (slowest ${slowest.toFixed(0)} ms) |`);
  for (const download of result.downloads) {
    console.log(`| ${download.name}: ${download.rows} rows, ${download.megabytes.toFixed(1)} MB in ${download.seconds.toFixed(1)} s | server RSS ${download.rssStartMb.toFixed(0)} → ${download.rssPeakMb.toFixed(0)} MB | | | constant memory |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
