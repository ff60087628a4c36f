import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@keyward/shared/domain';
import { EVENTS_FILE, SqliteEventStore, type EventFilter, type NewEvent, type Position, type RecordedEvent } from '@keyward/shared/event-store';
import { Aggregates, CheckpointedSubscriber, DeadLetters, reactionHandler, type Reaction, type SaveCheckpoint } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase, ReactionMemory, type ReadModelDatabase } from '@keyward/shared/read-models';
import { tenantIdForDomain } from '@keyward/identity/domain';
import { SIGN_IN_EVENT_TYPES } from '@keyward/app-passwords/domain';
import { alertDecider, alertStreamId, DEFAULT_ALERT_SETTINGS, detectInBatch, watermarkOf } from '@keyward/incidents/domain';
import { writeInventoryData, type InventoryDataSize } from './inventory-data';

const DOMAIN = 'big.example';
const FILTER = { streamPrefixes: ['appPasswordUsage-', 'signInFailures-'], eventTypes: SIGN_IN_EVENT_TYPES };

export interface DetectionFigures {
  /** Sign-in events in the store (what the detection reads). */
  signIns: number;
  /** Alerts raised in the last round. */
  alerts: number;
  /** Entries the detectors kept in the read-model file at the end of the last round. */
  memoryEntries: number;
  /** Alert commands written through Aggregates in the last round (raises and repeats, one per alert and batch), and the time they took. */
  alertWrites: number;
  alertWriteSeconds: number;
  /** Sign-in events per second through the store's own readAll, batch by batch, with the detection's filter. */
  storeReadPerSecond: number[];
  /** The same events per second read and parsed raw (better-sqlite3, JSON.parse of data and metadata). */
  rawPerSecond: number[];
  /** The same events per second through the detection reaction, from an empty checkpoint to caught up. */
  detectionPerSecond: number[];
}

/**
 * The alert detection's cost: the inventory data (its sign-ins: 96 % uses, 4 % rejections, over 30
 * days and out of time order, as a bulk write leaves them) plus attacks (bursts, a spray, revoked
 * credentials in use, credentials used from new networks), read three ways in alternating rounds
 * on the same store. The detection runs as in Keyward: a CheckpointedSubscriber over the store
 * (500 events a batch) handing batches to a reaction that runs the domain's detectors over a
 * ReactionMemory, writes the alerts through Aggregates (into a scratch store, so every round
 * starts alike), and commits memory and checkpoint together. It is AlertDetection's body
 * (libs/incidents/application), which a tool may not import.
 */
export async function benchDetection(size: InventoryDataSize, rounds: number, keptDataDir: string | null): Promise<DetectionFigures> {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'keyward-bench-alerts-'));
  mkdirSync(dataDir, { recursive: true });
  try {
    if (!existsSync(join(dataDir, EVENTS_FILE))) {
      await writeInventoryData(dataDir, DOMAIN, size);
      await writeAttacks(dataDir, size);
    }
    const figures: DetectionFigures = { signIns: 0, alerts: 0, memoryEntries: 0, alertWrites: 0, alertWriteSeconds: 0, storeReadPerSecond: [], rawPerSecond: [], detectionPerSecond: [] };
    for (let round = 0; round < rounds; round++) {
      const read = await readThroughStore(dataDir);
      figures.signIns = read.events;
      figures.storeReadPerSecond.push(read.events / read.seconds);
      const raw = readRaw(join(dataDir, EVENTS_FILE));
      if (raw.events !== read.events) throw new Error(`raw read ${raw.events} events, the store ${read.events}`);
      figures.rawPerSecond.push(raw.events / raw.seconds);
      const detection = await detect(dataDir);
      if (detection.events !== read.events) throw new Error(`the detection saw ${detection.events} events, the store holds ${read.events}`);
      figures.detectionPerSecond.push(detection.events / detection.seconds);
      figures.alerts = detection.alerts;
      figures.memoryEntries = detection.memoryEntries;
      figures.alertWrites = detection.alertWrites;
      figures.alertWriteSeconds = detection.alertWriteSeconds;
    }
    return figures;
  } finally {
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The sign-in events through SqliteEventStore.readAll, as the subscriber reads them, in batches of 500. */
async function readThroughStore(dataDir: string): Promise<{ events: number; seconds: number }> {
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  const started = performance.now();
  let events = 0;
  let after: Position | undefined;
  for (;;) {
    const batch = await store.readAll({ after, filter: FILTER, maxCount: 500 });
    if (batch.length === 0) break;
    events += batch.length;
    after = batch[batch.length - 1].position;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { events, seconds };
}

/** Every event the filter selects (readAll hands out at most 1,000 at a time). */
async function readEverything(store: SqliteEventStore, filter: EventFilter): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: events.at(-1)?.position, filter, maxCount: 5000 });
    if (batch.length === 0) return events;
    events.push(...batch);
  }
}

/** The same events, read and parsed raw: the least any reader must do. */
function readRaw(file: string): { events: number; seconds: number } {
  const db = new Database(file, { readonly: true });
  const types = SIGN_IN_EVENT_TYPES.map((type) => `'${type}'`).join(', ');
  const started = performance.now();
  let events = 0;
  let checksum = 0;
  const rows = db.prepare(`SELECT data, metadata FROM events WHERE (stream_id LIKE 'appPasswordUsage-%' OR stream_id LIKE 'signInFailures-%') AND type IN (${types}) ORDER BY position`);
  for (const row of rows.iterate() as Iterable<{ data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as object;
    const metadata = JSON.parse(row.metadata) as { occurredAt: string };
    checksum += Object.keys(data).length + metadata.occurredAt.length;
    events++;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  if (checksum === 0 && events > 0) throw new Error('nothing was parsed');
  return { events, seconds };
}

/** The detection from an empty checkpoint and memory to caught up, on a fresh read-model file. */
async function detect(dataDir: string): Promise<{ events: number; seconds: number; alerts: number; memoryEntries: number; alertWrites: number; alertWriteSeconds: number }> {
  const scratch = mkdtempSync(join(tmpdir(), 'keyward-bench-alerts-round-'));
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  const alertStore = new SqliteEventStore(join(scratch, EVENTS_FILE));
  const db = openReadModelDatabase(scratch);
  try {
    const reaction = new BenchDetection(new Aggregates(alertStore, randomUUID), db);
    const quiet = { error: (message: string) => console.error(message), warn: (message: string) => console.warn(message) };
    const subscriber = new CheckpointedSubscriber(reactionHandler(reaction), store, db, new DeadLetters(db), quiet);
    const started = performance.now();
    await subscriber.start();
    const seconds = (performance.now() - started) / 1000;
    await subscriber.stop();
    const alerts = (await readEverything(alertStore, { eventTypes: ['AlertRaised'] })).length;
    return { events: reaction.handled, seconds, alerts, memoryEntries: reaction.memory.size(), alertWrites: reaction.writes, alertWriteSeconds: reaction.writeMs / 1000 };
  } finally {
    await store.close();
    await alertStore.close();
    db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** AlertDetection's reactToBatch, as it runs in Keyward (libs/incidents/application). */
class BenchDetection implements Reaction {
  readonly name = 'alert-detection';
  readonly filter = FILTER;
  readonly memory: ReactionMemory;
  handled = 0;
  /** Time spent writing alerts through Aggregates, and how many writes, for the report. */
  writeMs = 0;
  writes = 0;

  constructor(
    private readonly aggregates: Aggregates,
    private readonly db: ReadModelDatabase,
  ) {
    this.memory = new ReactionMemory(db, this.name);
  }

  react(event: RecordedEvent, save: SaveCheckpoint): Promise<void> {
    return this.reactToBatch([event], save);
  }

  async reactToBatch(events: readonly RecordedEvent[], save: SaveCheckpoint): Promise<void> {
    const memory = this.memory.begin();
    const writes = detectInBatch(memory, events, DEFAULT_ALERT_SETTINGS);
    const started = performance.now();
    await Promise.all(
      writes.map(({ tenantId, causedBy, command }) => {
        const context = { actor: 'system:alert-detection' as const, tenantId, now: new Date(), correlationId: causedBy.metadata.correlationId, causationId: causedBy.id };
        return this.aggregates.handle(alertStreamId(command.data.alertId), alertDecider, command, context);
      }),
    );
    this.writeMs += performance.now() - started;
    this.writes += writes.length;
    this.db.transaction(() => {
      memory.write();
      const watermark = watermarkOf(memory);
      if (Number.isFinite(watermark)) memory.expire(watermark);
      save(events[events.length - 1].position);
    })();
    this.handled += events.length;
  }
}

/**
 * Attacks over the last hour, appended after the inventory: failure bursts on 2 % of the
 * accounts, a spray from one address over 300 made-up names, the revoked credentials (every
 * tenth) tried with their secret from elsewhere, and 1 % of the credentials used from a new network.
 */
async function writeAttacks(dataDir: string, size: InventoryDataSize): Promise<void> {
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  const tenantId = tenantIdForDomain(DOMAIN);
  const hourAgo = Date.now() - 3_600_000;
  const event = (type: string, data: Record<string, unknown>, at: number): NewEvent => {
    const correlationId = randomUUID();
    const sourceIp = data['sourceIp'] as string;
    return { id: randomUUID(), type, data: { protocol: 'imap', client: 'bench', ...data }, metadata: { tenantId, actor: 'gateway:bench' as Actor, occurredAt: new Date(at).toISOString(), correlationId, causationId: correlationId, sourceIp, protocol: 'imap' } };
  };
  const failures: NewEvent[] = [];
  for (let u = 0; u < size.users; u += 50) {
    for (let i = 0; i < 25; i++) failures.push(event('SignInFailed', { userPrincipalName: `user${u}@${DOMAIN}`, reason: 'MALFORMED_PASSWORD', sourceIp: `192.0.2.${i}` }, hourAgo + u * 1000 + i * 2000));
  }
  for (let i = 0; i < 300; i++) failures.push(event('SignInFailed', { userPrincipalName: `sprayed${i}@${DOMAIN}`, reason: 'UNKNOWN_USER', sourceIp: '203.0.113.66' }, hourAgo + 1_800_000 + i * 500));
  failures.sort((a, b) => a.metadata.occurredAt.localeCompare(b.metadata.occurredAt));
  for (let i = 0; i < failures.length; i += 500) await store.appendToStream(`signInFailures-${tenantId}`, failures.slice(i, i + 500));
  const keyIds = await readEverything(store, { eventTypes: ['AppPasswordGenerated'] });
  for (const [n, generated] of keyIds.entries()) {
    const { appPasswordId, userId } = generated.data as { appPasswordId: string; userId: string };
    if (n % 10 === 3 && n % 20 < 10) {
      const uses = [0, 1, 2].map((k) => event('AppPasswordRejected', { appPasswordId, userId, reason: 'REVOKED', sourceIp: `100.64.${n % 250}.${k}` }, hourAgo + 2_400_000 + n + k * 60_000));
      await store.appendToStream(`appPasswordUsage-${appPasswordId}`, uses);
    } else if (n % 100 === 7) {
      await store.appendToStream(`appPasswordUsage-${appPasswordId}`, [event('AppPasswordUsed', { appPasswordId, userId, sourceIp: '203.0.113.250' }, hourAgo + 3_000_000 + n)]);
    }
  }
  await store.close();
}
