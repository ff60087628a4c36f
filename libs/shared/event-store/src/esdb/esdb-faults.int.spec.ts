import { EventStoreDBClient, jsonEvent, StreamDeletedError, StreamNotFoundError } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import { EsdbEventStore } from './esdb-event-store';
import { EsdbProtocolFake } from './testing/esdb-protocol-fake';

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'Tick',
  data: {},
  metadata: { tenantId: 't', actor: 'system:test', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c' },
});

// Faults injected into the in-process protocol FAKE (not a real EventStoreDB).
describe('the EventStoreDB adapter under faults (protocol FAKE)', () => {
  let fake: EsdbProtocolFake;
  let store: EsdbEventStore;

  beforeEach(async () => {
    fake = await new EsdbProtocolFake().start();
    store = new EsdbEventStore(fake.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
  });

  const clearFaultsAfter = (ms: number) =>
    setTimeout(() => {
      fake.faults.isUnavailable = false;
      fake.faults.isNotLeader = false;
    }, ms);

  it('retries an append while the server is unavailable, and writes it once', async () => {
    fake.faults.isUnavailable = true;
    clearFaultsAfter(300);
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    expect(await store.readStream('s-1')).toHaveLength(1);
  });

  it('retries an append answered "not leader" until a leader takes it', async () => {
    fake.faults.isNotLeader = true;
    clearFaultsAfter(300);
    const result = await store.appendToStream('s-1', [event()]);
    expect(result.nextExpectedRevision).toBe(0n);
  });

  it('retries reads while the server is unavailable', async () => {
    await store.appendToStream('s-1', [event(), event()]);
    fake.faults.isUnavailable = true;
    clearFaultsAfter(300);
    expect(await store.readStream('s-1')).toHaveLength(2);
    expect(await store.readAll()).toHaveLength(2);
  });

  it('gives up after a bounded number of attempts when the server stays away', async () => {
    fake.faults.isUnavailable = true;
    const started = Date.now();
    await expect(store.appendToStream('s-1', [event()])).rejects.toMatchObject({ type: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 15_000);

  it('does not retry a wrong expected revision: that is an answer, not a fault', async () => {
    await store.appendToStream('s-1', [event()]);
    const started = Date.now();
    await expect(store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('ends a dropped subscription with the error, for its owner to resubscribe', async () => {
    const subscription = store.subscribeToAll({}, () => undefined);
    await subscription.caughtUp;
    fake.dropSubscriptions();
    await expect(subscription.done).rejects.toBeDefined();
  });
});

describe('retention of usage streams on EventStoreDB (protocol FAKE)', () => {
  it('gives usage streams $maxAge and $maxCount at their first append, and lifecycle streams nothing', async () => {
    const fake = await new EsdbProtocolFake().start();
    const store = new EsdbEventStore(fake.connectionString, { streamPrefixes: ['appPasswordUsage-'], maxAgeSeconds: 90 * 86_400, maxCount: 10_000 });
    const reader = new EventStoreDBClient({ endpoint: `127.0.0.1:${fake.port}` }, { insecure: true });
    try {
      await store.appendToStream('appPasswordUsage-abc', [event()]);
      await store.appendToStream('appPasswordUsage-abc', [event()]);
      await store.appendToStream('appPassword-abc', [event()]);
      const usage = await reader.getStreamMetadata('appPasswordUsage-abc');
      expect(usage.metadata).toMatchObject({ maxAge: 90 * 86_400, maxCount: 10_000 });
      const lifecycle = await reader.getStreamMetadata('appPassword-abc');
      expect(lifecycle.metadata).toBeUndefined();
      expect(await store.readAll()).toHaveLength(3);
    } finally {
      await Promise.race([reader.dispose(), new Promise((resolve) => setTimeout(resolve, 500))]);
      await store.close();
      await fake.stop();
    }
  });
});

describe('the protocol FAKE itself, as the real client sees it', () => {
  let fake: EsdbProtocolFake;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    fake = await new EsdbProtocolFake().start();
    client = EventStoreDBClient.connectionString(fake.connectionString);
  });
  afterEach(async () => {
    await Promise.race([client.dispose(), new Promise((resolve) => setTimeout(resolve, 500))]);
    await fake.stop();
  });

  const readAll = async (stream: string) => {
    const types: string[] = [];
    for await (const resolved of client.readStream(stream)) types.push(resolved.event?.type ?? '');
    return types;
  };

  it('soft-deletes a stream: reads find nothing, a new append continues the revisions', async () => {
    await client.appendToStream('s-1', [jsonEvent({ type: 'A', data: {} })]);
    await client.deleteStream('s-1');
    await expect(readAll('s-1')).rejects.toBeInstanceOf(StreamNotFoundError);
    const again = await client.appendToStream('s-1', [jsonEvent({ type: 'B', data: {} })]);
    expect(again.nextExpectedRevision).toBe(1n);
    expect(await readAll('s-1')).toEqual(['B']);
  });

  it('tombstones a stream for good: reads and appends fail', async () => {
    await client.appendToStream('s-1', [jsonEvent({ type: 'A', data: {} })]);
    await client.tombstoneStream('s-1');
    await expect(readAll('s-1')).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.appendToStream('s-1', [jsonEvent({ type: 'B', data: {} })])).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('answers slowly when told to, and correctly', async () => {
    fake.faults.delayMs = 300;
    const started = Date.now();
    await client.appendToStream('s-1', [jsonEvent({ type: 'A', data: {} })]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await readAll('s-1')).toEqual(['A']);
  });
});
