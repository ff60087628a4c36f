import { createHash } from 'node:crypto';
import type { EventStore, Position } from '@keyward/shared/event-store';

export interface CopyOptions {
  /** Resume after this source position (from a previous run's last progress report). */
  readonly after?: Position;
  /** Called after every batch with the source position copied so far. */
  readonly onProgress?: (position: Position, copied: number) => void | Promise<void>;
  readonly batchSize?: number;
}

/**
 * Copies every event from one store to another in the source's global order, keeping event
 * ids, types, data, metadata (timestamps included) and each stream's revisions. Appends are
 * idempotent by event id, so a run that stopped half-way can simply be run again, from the
 * start or from its last reported position, without writing anything twice.
 */
export async function copyEvents(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<number> {
  let after = options.after;
  let copied = 0;
  for (;;) {
    const batch = await source.readAll({ after, maxCount: options.batchSize ?? 500 });
    if (batch.length === 0) return copied;
    for (const event of batch) {
      await target.appendToStream(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], {
        expectedRevision: event.revision === 0n ? 'no_stream' : event.revision - 1n,
      });
      copied++;
    }
    after = batch[batch.length - 1].position;
    await options.onProgress?.(after, copied);
  }
}

/** Per stream: how many events, and a SHA-256 over their ids, types, data and metadata in order. */
export async function summarise(store: EventStore): Promise<Map<string, { count: number; hash: string }>> {
  const hashes = new Map<string, { count: number; hash: ReturnType<typeof createHash> }>();
  let after: Position | undefined;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) break;
    for (const event of batch) {
      const entry = hashes.get(event.streamId) ?? { count: 0, hash: createHash('sha256') };
      entry.count++;
      entry.hash.update(JSON.stringify([event.id, event.type, String(event.revision), event.data, event.metadata]));
      hashes.set(event.streamId, entry);
    }
    after = batch[batch.length - 1].position;
  }
  return new Map([...hashes].map(([stream, { count, hash }]) => [stream, { count, hash: hash.digest('hex') }]));
}

/** The streams whose count or content hash differ between two stores (empty: identical). */
export async function compareStores(source: EventStore, target: EventStore): Promise<string[]> {
  const [left, right] = await Promise.all([summarise(source), summarise(target)]);
  const streams = new Set([...left.keys(), ...right.keys()]);
  return [...streams].filter((stream) => left.get(stream)?.hash !== right.get(stream)?.hash || left.get(stream)?.count !== right.get(stream)?.count).sort();
}
