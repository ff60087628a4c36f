import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore } from '@keyward/shared/event-store';
import { EsdbProtocolFake } from '@keyward/shared/event-store/testing';
import { openReadModelDatabase, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import { DeadLetters } from './dead-letters';
import { ProjectionRunner } from './projection-runner';

const quiet = { error: () => undefined, warn: () => undefined };

// A projection that counts how often it saw each event: any lost or doubled update shows.
const counting: Projection = {
  name: 'counting',
  filter: { streamPrefixes: ['count-'] },
  migrate: (db) => db.exec('CREATE TABLE IF NOT EXISTS seen (event_id TEXT PRIMARY KEY, times INTEGER NOT NULL)'),
  reset: (db) => db.exec('DELETE FROM seen'),
  apply: (db, event) => {
    db.prepare('INSERT INTO seen VALUES (?, 1) ON CONFLICT (event_id) DO UPDATE SET times = times + 1').run(event.id);
  },
};

describe('a projection fed from EventStoreDB (protocol FAKE) whose subscription is dropped', () => {
  let dir: string;
  let db: ReadModelDatabase;
  let fake: EsdbProtocolFake;
  let store: EsdbEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-runner-'));
    db = openReadModelDatabase(dir);
    fake = await new EsdbProtocolFake().start();
    store = new EsdbEventStore(fake.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (n: number) =>
    store.appendToStream(`count-${n}`, [
      { id: randomUUID(), type: 'Counted', data: { n }, metadata: { tenantId: 't', actor: 'system:test', occurredAt: 'x', correlationId: 'c', causationId: 'c' } },
    ]);

  it('resubscribes from its checkpoint: no update lost, none applied twice', async () => {
    const warnings: string[] = [];
    const log = { ...quiet, warn: (message: string) => warnings.push(message) };
    const runner = new ProjectionRunner(counting, store, db, new DeadLetters(db), log, { resubscribeDelayMs: 50, coalesceMs: 0 });
    await runner.start();
    for (let n = 0; n < 3; n++) await append(n);
    await runner.settled();
    fake.dropSubscriptions();
    for (let n = 3; n < 6; n++) await append(n);
    const deadline = Date.now() + 5000;
    while ((db.prepare('SELECT count(*) AS n FROM seen').get() as { n: number }).n < 6 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await runner.stop();
    expect(db.prepare('SELECT times FROM seen').all()).toEqual(Array.from({ length: 6 }, () => ({ times: 1 })));
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('a projection whose schema version changes', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keyward-runner-version-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const versioned = (version: number): Projection => ({
    ...counting,
    name: 'versioned',
    version,
    tables: ['seen'],
    migrate: (db) => db.exec(`CREATE TABLE IF NOT EXISTS seen (event_id TEXT PRIMARY KEY, times INTEGER NOT NULL, v${version} INTEGER)`),
  });

  it('drops its tables and checkpoint, so the new schema is filled from the first event', () => {
    const db = openReadModelDatabase(dir);
    const store = { readAll: jest.fn() } as never;
    new ProjectionRunner(versioned(1), store, db, new DeadLetters(db), quiet);
    db.prepare("INSERT INTO seen (event_id, times) VALUES ('e-1', 1)").run();
    db.prepare("INSERT INTO subscriber_checkpoints VALUES ('versioned', 'p-9')").run();
    const sameVersion = new ProjectionRunner(versioned(1), store, db, new DeadLetters(db), quiet);
    expect(sameVersion.checkpoint()).toBe('p-9');

    const upgraded = new ProjectionRunner(versioned(2), store, db, new DeadLetters(db), quiet);
    expect(upgraded.checkpoint()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM seen').get()).toEqual({ n: 0 });
    expect(db.prepare('PRAGMA table_info(seen)').all().map((column) => (column as { name: string }).name)).toContain('v2');
    db.close();
  });
});
