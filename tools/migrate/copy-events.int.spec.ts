import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, EsdbEventStore, type Position } from '@keyward/shared/event-store';
import { EsdbProtocolFake } from '@keyward/shared/event-store/testing';
import { compareStores, copyEvents } from './copy-events';

// From a real SQLite file to the EventStoreDB adapter talking to the in-process protocol FAKE
// (no EventStoreDB server can run here), and back.
describe('copying every event between stores (EventStoreDB side: protocol FAKE)', () => {
  let dir: string;
  let fake: EsdbProtocolFake;
  let sqlite: SqliteEventStore;
  let esdb: EsdbEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-copy-'));
    fake = await new EsdbProtocolFake().start();
    sqlite = new SqliteEventStore(join(dir, 'events.sqlite'));
    esdb = new EsdbEventStore(fake.connectionString);
    for (let i = 0; i < 30; i++) {
      await sqlite.appendToStream(`appPassword-s${i % 4}`, [
        {
          id: randomUUID(),
          type: i % 4 === 0 ? 'AppPasswordGenerated' : 'AppPasswordUsed',
          data: { n: i, text: 'ü "quoted"' },
          metadata: { tenantId: 't', actor: 'system:test', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), correlationId: 'c', causationId: 'c' },
        },
      ]);
    }
  });
  afterEach(async () => {
    await esdb.close();
    await fake.stop();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies ids, order, revisions, data and metadata, and finds the two stores identical', async () => {
    expect(await copyEvents(sqlite, esdb)).toBe(30);
    expect(await compareStores(sqlite, esdb)).toEqual([]);
    const copied = await esdb.readStream('appPassword-s1');
    const original = await sqlite.readStream('appPassword-s1');
    expect(copied.map((e) => [e.id, e.revision, e.data, e.metadata])).toEqual(original.map((e) => [e.id, e.revision, e.data, e.metadata]));
  });

  it('writes nothing twice when run again, and resumes from a reported position', async () => {
    let reported: Position | undefined;
    await copyEvents(sqlite, esdb, { batchSize: 10, onProgress: (position, count) => void (count === 10 && (reported = position)) });
    await copyEvents(sqlite, esdb);
    await copyEvents(sqlite, esdb, { after: reported });
    expect((await esdb.readAll({ maxCount: 1000 })).length).toBe(30);
    expect(await compareStores(sqlite, esdb)).toEqual([]);
  });

  it('finishes an interrupted copy when run again', async () => {
    let reported: Position | undefined;
    const interrupted = copyEvents(sqlite, esdb, {
      batchSize: 10,
      onProgress: (position) => {
        reported = position;
        fake.faults.isUnavailable = true;
      },
    });
    await expect(interrupted).rejects.toThrow();
    fake.faults.isUnavailable = false;
    expect(await compareStores(sqlite, esdb)).not.toEqual([]);
    await copyEvents(sqlite, esdb, { after: reported });
    expect(await compareStores(sqlite, esdb)).toEqual([]);
  });

  it('copies back from EventStoreDB into an empty embedded store', async () => {
    await copyEvents(sqlite, esdb);
    const back = new SqliteEventStore(join(dir, 'back.sqlite'));
    await copyEvents(esdb, back);
    expect(await compareStores(esdb, back)).toEqual([]);
    expect(await compareStores(sqlite, back)).toEqual([]);
    await back.close();
  });

  it('reports the streams that differ', async () => {
    await copyEvents(sqlite, esdb);
    await esdb.appendToStream('appPassword-s2', [
      { id: randomUUID(), type: 'AppPasswordUsed', data: {}, metadata: { tenantId: 't', actor: 'system:test', occurredAt: 'x', correlationId: 'c', causationId: 'c' } },
    ]);
    expect(await compareStores(sqlite, esdb)).toEqual(['appPassword-s2']);
  });
});
