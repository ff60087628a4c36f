import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '@keyward/shared/event-store';
import { Aggregates, CheckpointedSubscriber, DeadLetters, reactionHandler, type FailurePolicy } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { loadConfig } from '@keyward/shared/server';
import { signInFailuresStreamId } from '@keyward/app-passwords/domain';
import { AlertDetection } from './alert-detection.reaction';

const FAST: FailurePolicy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 };
const quiet = { error: () => undefined, warn: () => undefined };
const T0 = Date.parse('2026-12-01T09:00:00.000Z');

/** A node: its own read-model file and detection, on the shared store. */
class Node {
  readonly db: ReadModelDatabase;
  readonly detection: AlertDetection;
  private subscriber: CheckpointedSubscriber | null = null;

  constructor(
    readonly dir: string,
    readonly store: SqliteEventStore,
  ) {
    this.db = openReadModelDatabase(dir);
    this.detection = new AlertDetection(new Aggregates(store, randomUUID), this.db, { now: () => new Date() }, loadConfig({}));
  }

  /** Starts the detection from its checkpoint; resolves once it has handled everything in the store. */
  async catchUp(): Promise<void> {
    this.subscriber ??= new CheckpointedSubscriber(reactionHandler(this.detection), this.store, this.db, new DeadLetters(this.db), quiet, { failures: FAST });
    await this.subscriber.start();
    await this.subscriber.settled();
  }

  async stop(): Promise<void> {
    await this.subscriber?.stop();
    this.subscriber = null;
  }
}

// The detection reaction over a real SQLite store and read-model files.
describe('alert detection from the store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let nodes: Node[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-alerts-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    nodes = [];
  });
  afterEach(async () => {
    for (const node of nodes) {
      await node.stop();
      node.db.close();
    }
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const nodeAt = (name: string) => {
    const node = new Node(join(dir, name), store);
    nodes.push(node);
    return node;
  };
  /** `count` failed sign-ins for bob, one a second from `from`, each from an address of its own. */
  const failures = async (count: number, from: number) => {
    for (let i = 0; i < count; i++) {
      const at = new Date(from + i * 1000).toISOString();
      const sourceIp = `198.51.100.${(from / 1000 + i) % 250}`;
      const event: NewEvent = {
        id: randomUUID(),
        type: 'SignInFailed',
        data: { userPrincipalName: 'bob@contoso.example', reason: 'UNKNOWN_CREDENTIAL', protocol: 'imap', sourceIp, client: null },
        metadata: { tenantId: 't-1', actor: 'gateway:nginx', occurredAt: at, correlationId: randomUUID(), causationId: randomUUID(), sourceIp },
      };
      await store.appendToStream(signInFailuresStreamId('t-1'), [event]);
    }
  };
  const alertEvents = async (): Promise<RecordedEvent[]> => store.readAll({ filter: { streamPrefixes: ['alert-'] } });
  const totals = async () => {
    const events = await alertEvents();
    const streams = new Set(events.map((event) => event.streamId));
    const last = events.at(-1)?.data as { count: number } | undefined;
    return { alerts: streams.size, events: events.length, count: last?.count };
  };

  it('raises one alert for a burst and counts what follows towards it, across a restart', async () => {
    const node = nodeAt('a');
    await failures(25, T0);
    await node.catchUp();
    expect(await totals()).toMatchObject({ alerts: 1, count: 25 });
    await node.stop();
    await failures(5, T0 + 60_000);
    await node.catchUp();
    expect(await totals()).toMatchObject({ alerts: 1, count: 30 });
    const [raised] = await alertEvents();
    expect(raised).toMatchObject({ type: 'AlertRaised', metadata: { actor: 'system:alert-detection', tenantId: 't-1' } });
  });

  it('writes nothing twice when a batch is handed over again after a crash before its checkpoint', async () => {
    const node = nodeAt('a');
    await failures(22, T0);
    const events = await store.readAll({ filter: node.detection.filter });
    await expect(
      node.detection.reactToBatch(events, () => {
        throw new Error('killed before the checkpoint was saved');
      }),
    ).rejects.toThrow('killed');
    const written = await totals();
    expect(written).toMatchObject({ alerts: 1, count: 22 });
    // The memory rolled back with the checkpoint: the same events meet the same state again.
    expect(node.detection.memory.size()).toBe(0);
    await node.catchUp();
    expect(await totals()).toEqual(written);
    expect(node.detection.memory.size()).toBeGreaterThan(0);
  });

  it('raises an alert once when two nodes detect it, and a new node replaying from the start adds nothing', async () => {
    const [a, b] = [nodeAt('a'), nodeAt('b')];
    await failures(21, T0);
    await Promise.all([a.catchUp(), b.catchUp()]);
    await failures(4, T0 + 30_000);
    await Promise.all([a.catchUp(), b.catchUp()]);
    const both = await totals();
    expect(both).toMatchObject({ alerts: 1, count: 25 });
    await nodeAt('c').catchUp();
    expect(await totals()).toEqual(both);
  });
});
