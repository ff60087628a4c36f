import type { EventFilter, RecordedEvent } from '@keyward/shared/event-store';
import type { ReadModelDatabase } from './read-model-database';

/**
 * A read model fed from the event store. `apply` runs inside the transaction that also moves
 * the checkpoint, and must skip an event it has already applied (a redelivery after a crash
 * between the store and the checkpoint cannot happen here, but a rebuild of another projection
 * or a replayed batch must never double-count).
 */
export interface Projection {
  /** Stable name; the checkpoint is kept under it. */
  readonly name: string;
  readonly filter: EventFilter;
  /**
   * Schema version of the projection's tables. When it differs from the one the database was
   * built with, the runner drops `tables` and replays every event into the new schema.
   */
  readonly version?: number;
  /** The tables the projection owns, dropped when `version` changes. */
  readonly tables?: readonly string[];
  /** Creates the projection's tables if they are missing. */
  migrate(db: ReadModelDatabase): void;
  /** Drops every row, for a rebuild from zero. */
  reset(db: ReadModelDatabase): void;
  apply(db: ReadModelDatabase, event: RecordedEvent): void;
  /**
   * Applies many events at once, with the same result as `apply` on each in turn; a projection
   * may fold a batch in memory first (counters, last-use columns) so that a rebuild writes each
   * row once per batch instead of once per event. Runs inside the batch's transaction.
   */
  applyBatch?(db: ReadModelDatabase, events: readonly RecordedEvent[]): void;
}
