import type { EventStore, Position, RecordedEvent } from '@keyward/shared/event-store';
import { HASH_SIZE, leafHash, TILE_WIDTH } from '@keyward/shared/transparency';
import { auditRecordBytes, auditRecordOf } from '@keyward/compliance/domain';
import type { AuditLogFile } from './audit-log-file';

/** A leaf of a tenant's log: its index, the event, and the record's bytes. */
export interface Leaf {
  readonly index: number;
  readonly event: RecordedEvent;
  readonly bytes: Buffer;
}

/** The store no longer holds an event the log has (retention), or holds another one there. */
export class LeafUnavailableError extends Error {}

const CHUNK = 2000;

/**
 * Reads a tenant's leaves from the store, where the events are: the log's runs say where leaf
 * `i` is, so reading starts there. Every leaf handed out is checked against the tree (its hash in
 * the tile), so an export can only hold what the signed log holds.
 */
export class LeafReader {
  private tile: { tenantId: string; index: number; hashes: Buffer } | null = null;

  constructor(
    private readonly file: AuditLogFile,
    private readonly store: EventStore,
  ) {}

  /** Leaves `from` ≤ i < `to`, in order. */
  range(tenantId: string, from: number, to: number): AsyncGenerator<Leaf> {
    return this.walk(tenantId, from, to, () => true);
  }

  /** The leaves in [from, to) whose event `accept`s, in order. */
  async *walk(tenantId: string, from: number, to: number, accept: (event: RecordedEvent) => boolean): AsyncGenerator<Leaf> {
    if (from >= to) return;
    const run = this.file.runAt(tenantId, from);
    if (!run) throw new LeafUnavailableError(`The log has no leaf ${from}.`);
    let after: Position | undefined = run.afterPosition ?? undefined;
    let index = run.firstIndex;
    while (index < to) {
      const events = await this.store.readAll({ after, maxCount: CHUNK });
      if (events.length === 0) throw new LeafUnavailableError(`The store no longer holds the event of leaf ${index} (retention?): export older records before the store deletes them.`);
      for (const event of events) {
        if (event.metadata?.tenantId !== tenantId) continue;
        if (index >= from && accept(event)) {
          const bytes = auditRecordBytes(auditRecordOf(event));
          this.check(tenantId, index, bytes);
          yield { index, event, bytes };
        }
        index += 1;
        if (index >= to) return;
      }
      after = events[events.length - 1].position;
    }
  }

  private check(tenantId: string, index: number, bytes: Buffer): void {
    const tileIndex = Math.floor(index / TILE_WIDTH);
    if (this.tile?.index !== tileIndex || this.tile.tenantId !== tenantId) {
      const hashes = this.file.tiles(tenantId).tile(0, tileIndex);
      if (!hashes) throw new LeafUnavailableError(`The log has no leaf ${index}.`);
      this.tile = { tenantId, index: tileIndex, hashes };
    }
    const offset = (index % TILE_WIDTH) * HASH_SIZE;
    if (!leafHash(bytes).equals(this.tile.hashes.subarray(offset, offset + HASH_SIZE))) {
      throw new LeafUnavailableError(`The store's event for leaf ${index} is not the one the log holds.`);
    }
  }
}
