import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { EVENTS_FILE } from '@keyward/shared/event-store';
import { tenantIdForDomain } from '@keyward/identity/domain';
import { ADMIN_PASSWORD, KeywardProcess, NODE_FLAGS, OFFLINE_VERIFIER, publishedKeys, ROOT } from '@keyward/e2e/support';
import type { ChildResult } from './audit-log-child';
import { checkpointSize, get, serverPid, signIn, type Download } from './audit-log-http';
import { benchProofCost, type ProofCostFigures } from './audit-log-proofs.bench';
import { writeInventoryData, type InventoryDataSize } from './inventory-data';
import { cpuSeconds } from './process-cpu';
import { RssSampler, type RssFigures } from './rss-sampler';

const DOMAIN = 'big.example';
const CHILD = join(__dirname, 'audit-log-child.ts');

/** One way of reading the log, over the rounds. */
export interface Variant {
  /** Events per second of wall time, each round. */
  readonly perSecond: number[];
  /** Events per second of the working process's CPU time, each round: steadier than wall time when the neighbours are busy. */
  readonly perCpuSecond: number[];
  /** Bytes produced in the last round (NDJSON, OCSF, ZIP…). */
  bytes: number;
  /** The working process's memory in the round where it grew most: at the start, and at its peak (over the whole round and over its last half). */
  memory: RssFigures | null;
}

export interface AuditLogFigures {
  /** Events in the store, and leaves exported (the tenant's checkpoint: its events, the bootstrap's, the checkpoints' records). */
  events: number;
  leaves: number;
  writeSeconds: number | null;
  /** Writer from an empty log to caught up, against raw read + JSON.parse of the same store. */
  catchUp: { writer: Variant; raw: Variant };
  /** Baseline raw read + parse + stringify; in-process NDJSON and OCSF; over HTTP the NDJSON, the OCSF and the bundle. */
  exports: { raw: Variant; ndjson: Variant; ocsf: Variant; http: Variant; httpOcsf: Variant; bundle: Variant };
  /** verify-export of the bundle, against SHA-256 of its bytes; both as records per second. */
  verify: { verifier: Variant; sha256: Variant; verdict: string } | null;
  /** Appends per second with the writer live and without, 1 and 8 at a time, and how long the log took to settle after a live round. */
  appends: Record<'sequential' | 'concurrent', { withLog: number[]; withoutLog: number[]; settleMs: number[] }>;
  proofs: ProofCostFigures;
}

/**
 * The audit log over the inventory data (`size`: 1,000 users give about 1,043,000 events), in
 * alternating rounds against raw reads of the same store: the writer's catch-up, exports in
 * process (each in a child process, so that its memory is the export's alone) and over HTTP from
 * the real server, the offline verifier on the bundle, appends with and without the writer, and
 * what proofs cost at `proofLeaves` leaves. `--data-dir DIR` keeps the store (and the server's
 * log of it) for later runs.
 */
export async function benchAuditLog(size: InventoryDataSize, rounds: number, keptDataDir: string | null, proofLeaves: number): Promise<AuditLogFigures> {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'keyward-bench-audit-log-'));
  const work = mkdtempSync(join(tmpdir(), 'keyward-bench-audit-log-work-'));
  mkdirSync(dataDir, { recursive: true });
  try {
    const written = existsSync(join(dataDir, EVENTS_FILE)) ? null : await writeInventoryData(dataDir, DOMAIN, size);
    log(written ? `${written.events} events written in ${written.seconds.toFixed(0)} s` : `reusing the store in ${dataDir}`);
    const catchUp = await catchUpRounds(dataDir, work, rounds);
    const served = await exportRounds(dataDir, work, rounds);
    const verify = existsSync(OFFLINE_VERIFIER) ? await verifyRounds(served.bundleFile, served.keys, served.leaves, rounds) : null;
    if (!verify) log(`${OFFLINE_VERIFIER} is missing (npm run build makes it): verify-export not measured`);
    const appends = {
      sequential: (await inChild('appends', [work, '2000', String(rounds + 1), '1'])).extra as AuditLogFigures['appends']['sequential'],
      concurrent: (await inChild('appends', [mkdtempSync(join(work, 'appends-')), '8000', String(rounds + 1), '8'])).extra as AuditLogFigures['appends']['concurrent'],
    };
    // Last: this process is the exports' HTTP client, and with the proofs' tree of ten million
    // leaves (300 MB) garbage in its heap first, its collector took most of a core while it read
    // (the OCSF download measured 0.37 instead of 0.6).
    const proofs = benchProofCost(proofLeaves);
    log(`proofs at ${proofLeaves} leaves done`);
    return { events: served.events, leaves: served.leaves, writeSeconds: written?.seconds ?? null, catchUp, exports: served.exports, verify, appends, proofs };
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The writer from nothing to caught up on the store (a fresh log file each round) against raw read + parse. */
async function catchUpRounds(dataDir: string, work: string, rounds: number): Promise<AuditLogFigures['catchUp']> {
  const figures = { writer: variant(), raw: variant() };
  for (let round = 0; round < rounds; round++) {
    const raw = await inChild('raw', [dataDir, 'parse']);
    record(figures.raw, raw);
    const scratch = mkdtempSync(join(work, 'catch-up-'));
    const writer = await inChild('catch-up', [dataDir, scratch]);
    rmSync(scratch, { recursive: true, force: true });
    if (writer.events !== raw.events) throw new Error(`the writer logged ${writer.events} events, the store holds ${raw.events}`);
    record(figures.writer, writer);
    log(`catch-up round ${round + 1}: writer ${rate(writer)} /s, raw ${rate(raw)} /s`);
  }
  return figures;
}

/**
 * Keyward on the store; once its log has caught up (its checkpoint covers every event), rounds
 * of: raw read + parse + stringify, ExportLines → NDJSON and → OCSF in a child process, and
 * GET /exports/audit-log (NDJSON, then OCSF) and GET /exports/bundle from the server (the last
 * bundle is kept).
 */
async function exportRounds(dataDir: string, work: string, rounds: number) {
  const keyward = new KeywardProcess({ dataDir, domains: DOMAIN, env: { KEYWARD_LOG_LEVEL: 'warn' }, startTimeoutMs: 3_600_000 });
  const started = performance.now();
  await keyward.start();
  try {
    const pid = serverPid();
    const cookie = await signIn(keyward.baseUrl, `admin@${DOMAIN}`, ADMIN_PASSWORD);
    const leaves = await quietCheckpointSize(keyward.baseUrl, cookie);
    log(`Keyward started and its log caught up (${leaves} leaves) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const tenantId = tenantIdForDomain(DOMAIN);
    const bundleFile = join(work, 'bundle.zip');
    const exports = { raw: variant(), ndjson: variant(), ocsf: variant(), http: variant(), httpOcsf: variant(), bundle: variant() };
    let events = 0;
    for (let round = 0; round < rounds; round++) {
      const raw = await inChild('raw', [dataDir, 'stringify']);
      events = raw.events;
      record(exports.raw, raw);
      record(exports.ndjson, expectCount('ExportLines → NDJSON', await inChild('ndjson', [dataDir, tenantId, String(leaves)]), leaves));
      record(exports.ocsf, expectCount('ExportLines → OCSF', await inChild('ocsf', [dataDir, tenantId, String(leaves)]), leaves));
      for (const [into, query] of [
        [exports.http, ''],
        [exports.httpOcsf, '?format=ocsf'],
      ] as const) {
        let lines = 0;
        const http = await get(`${keyward.baseUrl}/exports/audit-log${query}`, cookie, pid, (chunk) => (lines += newlines(chunk)));
        recordDownload(into, expectCount(`GET /exports/audit-log${query}`, { ...http, events: http.status === 200 ? lines : -http.status }, leaves));
      }
      const bundle = await get(`${keyward.baseUrl}/exports/bundle?kind=audit-log`, cookie, pid, null, bundleFile);
      const bundled = bundle.status === 200 ? Number(bundle.headers['x-keyward-records']) : -bundle.status;
      recordDownload(exports.bundle, expectCount('GET /exports/bundle', { ...bundle, events: bundled }, leaves));
      const last = (variant: Variant) => variant.perSecond.at(-1)?.toFixed(0);
      log(`export round ${round + 1}: raw ${rate(raw)} /s, ndjson ${last(exports.ndjson)} /s, ocsf ${last(exports.ocsf)} /s, http ${last(exports.http)} /s, http ocsf ${last(exports.httpOcsf)} /s, bundle ${last(exports.bundle)} /s`);
    }
    const keys = (await publishedKeys(keyward.baseUrl)).map((key) => key.verifierKey);
    return { events, leaves, exports, bundleFile, keys };
  } finally {
    await keyward.stop();
  }
}

/**
 * The checkpoint's size once the log has stopped growing: on a new store, Keyward's first start
 * also runs the alert detection over the whole history, which appends alerts for a while after
 * the log has caught up. A checkpoint is only signed again when the log has grown by more than
 * checkpoint records, so two equal sizes 5 s apart mean nothing was appended in between.
 */
async function quietCheckpointSize(baseUrl: string, cookie: string): Promise<number> {
  for (let size = await checkpointSize(baseUrl, cookie); ; ) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const next = await checkpointSize(baseUrl, cookie);
    if (next === size) return size;
    size = next;
  }
}

/** `node dist/tools/keyward.mjs verify-export` on the bundle against SHA-256 of the same file, both as records per second. */
async function verifyRounds(bundleFile: string, keys: string[], leaves: number, rounds: number): Promise<AuditLogFigures['verify']> {
  const figures = { verifier: variant(), sha256: variant(), verdict: '' };
  const bytes = statSync(bundleFile).size;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const digest = createHash('sha256');
    await pipeline(createReadStream(bundleFile), digest);
    const hashSeconds = (performance.now() - started) / 1000;
    figures.sha256.perSecond.push(leaves / hashSeconds);
    // Hashing a file keeps this process busy from start to end: its CPU time is its wall time.
    figures.sha256.perCpuSecond.push(leaves / hashSeconds);
    figures.sha256.bytes = bytes;
    const verifier = await timedProcess(process.execPath, [OFFLINE_VERIFIER, 'verify-export', bundleFile, ...keys.flatMap((key) => ['--key', key])]);
    figures.verdict = verifier.output.trim();
    if (verifier.code !== 0 || !figures.verdict.startsWith(`OK ${leaves} records`)) throw new Error(`verify-export failed (${verifier.code}): ${verifier.output}`);
    figures.verifier.perSecond.push(leaves / verifier.seconds);
    figures.verifier.perCpuSecond.push(leaves / verifier.cpuSeconds);
    figures.verifier.bytes = bytes;
    // The verifier is a process of its own from its first byte: its whole resident set is the verification's.
    keepLargest(figures.verifier, { ...verifier.rss, startBytes: 0 });
    log(`verify round ${round + 1}: verify-export ${figures.verifier.perSecond.at(-1)?.toFixed(0)} records/s, sha256 ${figures.sha256.perSecond.at(-1)?.toFixed(0)} records/s`);
  }
  return figures;
}

/** Runs a mode of audit-log-child.ts in a process of its own, sampling its memory. */
async function inChild(mode: string, args: string[]): Promise<ChildResult & { rss: RssFigures }> {
  const run = await timedProcess(process.execPath, [...NODE_FLAGS, ...profiling(), '-r', '@swc-node/register', CHILD, mode, ...args], { SWC_NODE_PROJECT: 'tsconfig.base.json' });
  const line = run.output.split('\n').find((each) => each.startsWith('RESULT '));
  if (run.code !== 0 || !line) throw new Error(`audit-log-child ${mode} failed (${run.code}):\n${run.output}`);
  return { ...(JSON.parse(line.slice('RESULT '.length)) as ChildResult), rss: run.rss };
}

/** A process run to its end: its exit code, stdout, wall time, CPU time (as of its last sample) and memory. */
async function timedProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string; seconds: number; cpuSeconds: number; rss: RssFigures }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = child.pid ?? 0;
  const sampler = new RssSampler(pid);
  // A process's CPU time can only be read while it lives: the last reading before it exits.
  let cpu = 0;
  const cpuTimer = setInterval(() => (cpu = cpuSeconds(pid) ?? cpu), 100);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(cpuTimer);
  return { code: code ?? -1, output, seconds: (performance.now() - started) / 1000, cpuSeconds: cpu, rss: sampler.stop() };
}

/** With KEYWARD_PROFILE_DIR set, the children write CPU profiles there (the server does, through KeywardProcess). */
function profiling(): string[] {
  const dir = process.env['KEYWARD_PROFILE_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function variant(): Variant {
  return { perSecond: [], perCpuSecond: [], bytes: 0, memory: null };
}

function record(into: Variant, result: ChildResult & { rss: RssFigures }): void {
  into.perSecond.push(result.events / result.seconds);
  into.perCpuSecond.push(result.events / result.cpuSeconds);
  into.bytes = result.bytes;
  // The child's own reading before it began is the export's start (the first samples are Node starting up).
  keepLargest(into, { ...result.rss, startBytes: result.rssBeforeBytes, peakBytes: Math.max(result.rss.peakBytes, result.peakBytes) });
}

function recordDownload(into: Variant, download: Download & { events: number }): void {
  into.perSecond.push(download.events / download.seconds);
  if (download.serverCpuSeconds !== null) into.perCpuSecond.push(download.events / download.serverCpuSeconds);
  into.bytes = download.bytes;
  if (download.serverRss) keepLargest(into, download.serverRss);
}

/** Keeps the round whose memory grew most. */
function keepLargest(into: Variant, rss: RssFigures): void {
  const growth = (figures: RssFigures) => figures.peakBytes - figures.startBytes;
  if (!into.memory || growth(rss) >= growth(into.memory)) into.memory = rss;
}

/** The result, once it holds every record the checkpoint has (a negative count is an HTTP status). */
function expectCount<T extends { events: number }>(what: string, result: T, leaves: number): T {
  if (result.events !== leaves) throw new Error(`${what}: ${result.events < 0 ? `HTTP ${-result.events}` : `${result.events} records`}, where the checkpoint has ${leaves}`);
  return result;
}

function newlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}

function rate(result: ChildResult): string {
  return (result.events / result.seconds).toFixed(0);
}

function log(line: string): void {
  process.stderr.write(`  ${line}\n`);
}
