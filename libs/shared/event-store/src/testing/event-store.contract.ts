import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@keyward/shared/domain';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';

export interface ContractSubject {
  readonly store: EventStore;
  /** Closes the store and removes what it wrote. */
  dispose(): Promise<void>;
}

const metadata: EventMetadata = {
  tenantId: 'tenant-1',
  actor: 'system:contract-test',
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c-1',
  causationId: 'c-1',
};

function event(type: string, data: unknown = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

/**
 * The behaviour every EventStore adapter must have. Each adapter's spec calls this with a
 * factory for a fresh, empty store.
 */
export function describeEventStoreContract(
  adapterName: string,
  openEmptyStore: () => Promise<ContractSubject>,
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let stream: string;

    beforeEach(async () => {
      subject = await openEmptyStore();
      store = subject.store;
      stream = `contract-${randomUUID()}`;
    });
    afterEach(() => subject.dispose());

    describe('appending with an expected revision', () => {
      it('creates a stream at revision 0 when no stream was expected', async () => {
        const result = await store.appendToStream(stream, [event('A')], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(0n);
      });

      it('refuses no_stream for a stream that exists, saying where it is', async () => {
        await store.appendToStream(stream, [event('A'), event('B')]);
        const append = store.appendToStream(stream, [event('C')], { expectedRevision: 'no_stream' });
        await expect(append).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(append).rejects.toMatchObject({ streamId: stream, actual: 1n });
      });

      it('refuses stream_exists for a stream that does not exist, and accepts it once it does', async () => {
        await expect(
          store.appendToStream(stream, [event('A')], { expectedRevision: 'stream_exists' }),
        ).rejects.toMatchObject({ actual: 'no_stream' });
        await store.appendToStream(stream, [event('A')]);
        const result = await store.appendToStream(stream, [event('B')], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('accepts the exact revision and refuses any other', async () => {
        const first = await store.appendToStream(stream, [event('A')]);
        await expect(
          store.appendToStream(stream, [event('B')], { expectedRevision: 5n }),
        ).rejects.toMatchObject({ expected: 5n, actual: 0n });
        const second = await store.appendToStream(stream, [event('B'), event('C')], {
          expectedRevision: first.nextExpectedRevision,
        });
        expect(second.nextExpectedRevision).toBe(2n);
      });

      it('keeps revisions beyond 2^53 exact in errors (bigint, never a rounded number)', async () => {
        await store.appendToStream(stream, [event('A')]);
        const huge = 2n ** 53n + 1n;
        await expect(
          store.appendToStream(stream, [event('B')], { expectedRevision: huge }),
        ).rejects.toMatchObject({ expected: 9007199254740993n });
      });

      it('lets exactly one of many concurrent writers with the same expectation win', async () => {
        const first = await store.appendToStream(stream, [event('A')]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, () =>
            store.appendToStream(stream, [event('B')], { expectedRevision: first.nextExpectedRevision }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('idempotent appends', () => {
      it('writes nothing twice when the same events are appended again', async () => {
        const events = [event('A'), event('B')];
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(retry.position).toBe(first.position);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses a batch that reuses only some stored event ids, and writes none of it', async () => {
        const stored = event('A');
        await store.appendToStream(stream, [stored]);
        // SQLite names it a duplicate id; EventStoreDB answers with a wrong expected version.
        const refusal = await store.appendToStream(stream, [event('B'), stored]).catch((error: unknown) => error);
        expect(refusal instanceof DuplicateEventIdError || refusal instanceof WrongExpectedRevisionError).toBe(true);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading a stream', () => {
      it('returns its events in order with type, data, metadata and revision', async () => {
        await store.appendToStream(stream, [event('A', { n: 1 }), event('B', { n: 2, s: 'ü "q"' })]);
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.type, e.data, e.revision, e.streamId])).toEqual([
          ['A', { n: 1 }, 0n, stream],
          ['B', { n: 2, s: 'ü "q"' }, 1n, stream],
        ]);
        expect(events[0].metadata).toEqual(metadata);
      });

      it('reads from a revision, at most a given count', async () => {
        await store.appendToStream(stream, ['A', 'B', 'C', 'D'].map((t) => event(t)));
        const events = await store.readStream(stream, { fromRevision: 1n, maxCount: 2 });
        expect(events.map((e) => e.type)).toEqual(['B', 'C']);
      });

      it('reads backwards, newest first, from the end or from a revision', async () => {
        await store.appendToStream(stream, ['A', 'B', 'C', 'D'].map((t) => event(t)));
        expect((await store.readStream(stream, { direction: 'backwards', maxCount: 3 })).map((e) => [e.type, e.revision])).toEqual([
          ['D', 3n],
          ['C', 2n],
          ['B', 1n],
        ]);
        expect((await store.readStream(stream, { direction: 'backwards', fromRevision: 1n })).map((e) => e.type)).toEqual(['B', 'A']);
        expect(await store.readStream(`missing-${randomUUID()}`, { direction: 'backwards' })).toEqual([]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(`missing-${randomUUID()}`)).toEqual([]);
      });

      it('given many streams read at once, then each read gets its own stream, whole and in order', async () => {
        // More streams than one query of the embedded store reads, one of them read twice, one missing.
        const streams = Array.from({ length: 600 }, (_, n) => `${stream}-${n}`);
        await Promise.all(streams.map((id, n) => store.appendToStream(id, [event('A', { n }), event('B', { n })])));
        const missing = `missing-${randomUUID()}`;

        const reads = await Promise.all([...streams, streams[7], missing].map((id) => store.readStream(id)));

        const misread = streams.filter((id, n) => JSON.stringify(reads[n].map((e) => [e.streamId, e.type, e.data])) !== JSON.stringify([[id, 'A', { n }], [id, 'B', { n }]]));
        expect(misread).toEqual([]);
        expect(reads[streams.length].map((e) => e.data)).toEqual([{ n: 7 }, { n: 7 }]);
        expect(reads[streams.length + 1]).toEqual([]);
      }, 30_000);
    });

    describe('reading all', () => {
      it('returns events of every stream in the order they were appended', async () => {
        const other = `${stream}-other`;
        await store.appendToStream(stream, [event('A')]);
        await store.appendToStream(other, [event('B')]);
        await store.appendToStream(stream, [event('C')]);
        const all = await store.readAll({ filter: { streamPrefixes: [stream] } });
        expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('continues after a position, exclusively, in pages', async () => {
        await store.appendToStream(stream, ['A', 'B', 'C'].map((t) => event(t)));
        const [first] = await store.readAll({ maxCount: 1, filter: { streamPrefixes: [stream] } });
        const rest = await store.readAll({ after: first.position, filter: { streamPrefixes: [stream] } });
        expect(rest.map((e) => e.type)).toEqual(['B', 'C']);
      });

      it('pages through more events than a position has digits, in order, none twice, none missed', async () => {
        // Positions are opaque; an adapter that compared or sorted them as text would reorder 9 and 10.
        const types = Array.from({ length: 25 }, (_, i) => `E${i}`);
        for (const type of types) await store.appendToStream(`${stream}-${type}`, [event(type)]);
        const seen: string[] = [];
        for (let after: RecordedEvent['position'] | undefined; ; ) {
          const page = await store.readAll({ after, maxCount: 4, filter: { streamPrefixes: [`${stream}-`] } });
          if (page.length === 0) break;
          seen.push(...page.map((e) => e.type));
          after = page[page.length - 1].position;
        }
        expect(seen).toEqual(types);
      });

      it('filters by stream prefix and by event type', async () => {
        await store.appendToStream(`${stream}a-1`, [event('Kept'), event('Dropped')]);
        await store.appendToStream(`other${stream}`, [event('Kept')]);
        const byPrefix = await store.readAll({ filter: { streamPrefixes: [`${stream}a-`] } });
        expect(byPrefix.map((e) => e.type)).toEqual(['Kept', 'Dropped']);
        const byType = await store.readAll({
          filter: { streamPrefixes: [`${stream}a-`], eventTypes: ['Kept'] },
        });
        expect(byType.map((e) => e.type)).toEqual(['Kept']);
      });
    });

    describe('subscribing to all', () => {
      const received: RecordedEvent[] = [];
      beforeEach(() => received.splice(0));

      function waitFor(count: number): Promise<void> {
        return new Promise((resolve, reject) => {
          const deadline = Date.now() + 5000;
          const check = () => {
            if (received.length >= count) return resolve();
            if (Date.now() > deadline) return reject(new Error(`got ${received.length} of ${count}`));
            setTimeout(check, 5);
          };
          check();
        });
      }

      it('catches up with stored events, then delivers new ones live', async () => {
        await store.appendToStream(stream, [event('Old1'), event('Old2')]);
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } }, (batch) => {
          received.push(...batch);
        });
        await subscription.caughtUp;
        expect(received.map((e) => e.type)).toEqual(['Old1', 'Old2']);
        await store.appendToStream(stream, [event('New')]);
        await waitFor(3);
        await subscription.stop();
        expect(received.map((e) => e.type)).toEqual(['Old1', 'Old2', 'New']);
      });

      it('starts after a checkpoint and never redelivers what came before it', async () => {
        await store.appendToStream(stream, ['A', 'B', 'C'].map((t) => event(t)));
        const [, second] = await store.readStream(stream);
        const subscription = store.subscribeToAll(
          { after: second.position, filter: { streamPrefixes: [stream] } },
          (batch) => {
            received.push(...batch);
          },
        );
        await subscription.caughtUp;
        await subscription.stop();
        expect(received.map((e) => e.type)).toEqual(['C']);
      });

      it('waits for a slow handler before delivering the next batch, keeping order', async () => {
        const subscription = store.subscribeToAll(
          { filter: { streamPrefixes: [stream] }, batchSize: 1 },
          async (batch) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            received.push(...batch);
          },
        );
        for (const type of ['A', 'B', 'C', 'D']) await store.appendToStream(stream, [event(type)]);
        await waitFor(4);
        await subscription.stop();
        expect(received.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('tells a writer when everything it appended has been handled', async () => {
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] }, coalesceMs: 200 }, async (batch) => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          received.push(...batch);
        });
        await subscription.caughtUp;
        for (const type of ['A', 'B', 'C']) await store.appendToStream(stream, [event(type)]);
        await subscription.settled();
        expect(received.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        await subscription.stop();
      });

      it('ends with the error when the handler fails', async () => {
        await store.appendToStream(stream, [event('A')]);
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } }, () => {
          throw new Error('projection failed');
        });
        await expect(subscription.done).rejects.toThrow('projection failed');
        // Nothing waits forever on a subscription that has ended.
        await expect(subscription.settled()).resolves.toBeUndefined();
      });
    });
  });
}
