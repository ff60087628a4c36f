import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EVENTS_FILE, SqliteEventStore, type NewEvent } from '@keyward/shared/event-store';
import { CheckpointedSubscriber, DeadLetters } from '@keyward/shared/event-sourcing';
import { KEYWARD_VERSION } from '@keyward/shared/server';
// The benchmark measures the audit log's own reader and writer, which a tool may not import
// (type:read-models); copying them, as alerts.bench does AlertDetection, would measure a copy.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AuditLogFile, AuditLogWriter, AuditLogWriterThread, ExportLines, WRITER_OPTIONS, type LineFormat } from '@keyward/compliance/audit-log';
import { statusBytes } from './rss-sampler';

// One measurement per process, so that what the process holds (tools/bench/rss-sampler.ts, run
// by the parent) is that measurement's alone: `node -r @swc-node/register audit-log-child.ts
// <mode> <args…>` prints one line `RESULT <json>`. audit-log.bench.ts starts it.

/** What every mode reports: the work's own time, and the process's memory before and at its peak. */
export interface ChildResult {
  readonly events: number;
  readonly bytes: number;
  readonly seconds: number;
  /** CPU time (user + system, every thread) the work used. */
  readonly cpuSeconds: number;
  readonly rssBeforeBytes: number;
  /** VmHWM at the end: the process's peak resident set over its whole life. */
  readonly peakBytes: number;
  readonly extra?: Record<string, number[]>;
}

const QUIET = { error: (message: string) => console.error(message), warn: (message: string) => console.warn(message) };
/** The audit log's worker threads' script as `npm run build` writes it (the HTTP rounds need the build too). */
const WORKER_SCRIPT = resolve(__dirname, '../../dist/apps/api/audit-log-worker.js');

type Work = () => Promise<{ events: number; bytes: number; extra?: Record<string, number[]> }>;

const MODES: Record<string, (args: string[]) => Work> = {
  /** Baseline: every event of the store read raw, data and metadata parsed (and, with `stringify`, an object of them stringified). */
  raw: ([dataDir, stringify]) => async () => readRaw(join(dataDir, EVENTS_FILE), stringify === 'stringify'),
  /** ExportLines → NDJSON (as GET /exports/audit-log makes them, on the export workers of dist/apps/api) into a counting sink. */
  ndjson: ([dataDir, tenantId, to]) => () => exportLines(dataDir, tenantId, Number(to), 'ndjson'),
  /** ExportLines → OCSF (as GET /exports/audit-log?format=ocsf makes them) into a counting sink. */
  ocsf: ([dataDir, tenantId, to]) => () => exportLines(dataDir, tenantId, Number(to), 'ocsf'),
  /** The audit-log writer from an empty log file to caught up on the store. */
  'catch-up': ([dataDir, scratchDir]) => () => catchUp(dataDir, scratchDir),
  /** Appends to a fresh store with the writer live and without it, alternating. */
  appends: ([scratchDir, count, rounds, concurrency]) => () => appendsWithAndWithoutLog(scratchDir, Number(count), Number(rounds), Number(concurrency)),
};

function readRaw(file: string, stringify: boolean): { events: number; bytes: number } {
  const db = new Database(file, { readonly: true });
  let events = 0;
  let bytes = 0;
  for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ event_id: string; stream_id: string; type: string; data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as { occurredAt: string };
    bytes += stringify ? JSON.stringify({ id: row.event_id, type: row.type, streamId: row.stream_id, data, metadata }).length + 1 : Object.keys(data).length + metadata.occurredAt.length;
    events++;
  }
  db.close();
  return { events, bytes };
}

async function exportLines(dataDir: string, tenantId: string, to: number, format: LineFormat): Promise<{ events: number; bytes: number }> {
  const file = new AuditLogFile(dataDir);
  const lines = new ExportLines(file, WORKER_SCRIPT, { dataDir });
  let events = 0;
  let bytes = 0;
  for await (const text of lines.lines(tenantId, 0, to, format, KEYWARD_VERSION)) {
    bytes += Buffer.byteLength(text);
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) events++;
    lines.recycle(text);
  }
  await lines.close();
  file.close();
  return { events, bytes };
}

async function catchUp(dataDir: string, scratchDir: string): Promise<{ events: number; bytes: number }> {
  const file = new AuditLogFile(scratchDir);
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  const subscriber = new CheckpointedSubscriber(new AuditLogWriter(file), store, file.db, new DeadLetters(file.db), QUIET, WRITER_OPTIONS);
  await subscriber.start();
  await subscriber.stop();
  const events = file.tenantIds().reduce((sum, tenantId) => sum + file.sizeOf(tenantId).size, 0);
  await store.close();
  file.close();
  return { events, bytes: 0 };
}

/**
 * Single-event appends (`concurrency` at a time: 1 as append.bench, 8 as /verify's clients) to a
 * fresh store, in rounds that alternate between the audit-log writer live in this process
 * (subscribed, catching up as the appends come) and not running; a live round also reports how
 * long the log took after the last append to hold every event.
 */
async function appendsWithAndWithoutLog(scratchDir: string, count: number, rounds: number, concurrency: number) {
  const store = new SqliteEventStore(join(scratchDir, EVENTS_FILE));
  const file = new AuditLogFile(scratchDir);
  const tenantId = 'bench-tenant';
  const append = (i: number) => store.appendToStream(`appPasswordUsage-bn${i % 500}`, [usedEvent(tenantId, i)]);
  const extra: Record<string, number[]> = { withLog: [], withoutLog: [], settleMs: [] };
  await appendRate(append, 500, concurrency);
  for (let round = 0; round < rounds; round++) {
    // ABBA: a drift of the machine over the run falls on both alike.
    for (const isLive of round % 2 === 0 ? [true, false] : [false, true]) {
      if (!isLive) {
        extra['withoutLog'].push(await appendRate(append, count, concurrency));
        continue;
      }
      // As the server runs it: on its thread when the build's worker script is there.
      const writer = existsSync(WORKER_SCRIPT)
        ? new AuditLogWriterThread(WORKER_SCRIPT, { dataDir: scratchDir }, QUIET)
        : new CheckpointedSubscriber(new AuditLogWriter(file), store, file.db, new DeadLetters(file.db), QUIET, WRITER_OPTIONS);
      await writer.start();
      extra['withLog'].push(await appendRate(append, count, concurrency));
      const settling = performance.now();
      await writer.settled();
      extra['settleMs'].push(performance.now() - settling);
      await writer.stop();
    }
  }
  const events = file.sizeOf(tenantId).size;
  await store.close();
  file.close();
  return { events, bytes: 0, extra };
}

async function appendRate(append: (i: number) => Promise<unknown>, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await append(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/** An AppPasswordUsed as /verify appends it (the inventory data's shape). */
function usedEvent(tenantId: string, i: number): NewEvent {
  const correlationId = randomUUID();
  const data = { appPasswordId: `bn${i % 500}`, userId: `u${i % 50}`, protocol: 'imap', sourceIp: `198.51.100.${i % 200}`, client: 'bench' };
  return { id: randomUUID(), type: 'AppPasswordUsed', data, metadata: { tenantId, actor: 'gateway:bench', occurredAt: new Date().toISOString(), correlationId, causationId: correlationId, sourceIp: data.sourceIp, protocol: 'imap', client: 'bench' } };
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const work = MODES[mode]?.(args);
  if (!work) throw new Error(`Unknown mode ${mode}; one of ${Object.keys(MODES).join(', ')}`);
  const rssBeforeBytes = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const done = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const result: ChildResult = { ...done, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssBeforeBytes, peakBytes: statusBytes(process.pid, 'VmHWM') ?? 0 };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

