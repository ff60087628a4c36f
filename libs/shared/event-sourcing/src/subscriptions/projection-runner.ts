import type { EventFilter, EventStore, Position, RecordedEvent } from '@keyward/shared/event-store';
import type { Projection, ReadModelDatabase } from '@keyward/shared/read-models';
import { CheckpointedSubscriber, type SubscriberLogger, type SubscriberOptions } from './checkpointed-subscriber';
import type { DeadLetters } from './dead-letters';

/** Events a rebuild or a clean stop reads at a time. */
const DRAIN_BATCH = 5000;

/**
 * A live burst is applied 20 ms late, as one batch. After a busy round (a revocation case writes
 * thousands of events a second) half a second late and up to 2,000 at a time: a read-model
 * commit costs by the pages it writes, and a large batch writes each page once for many events.
 * Someone waiting for the read models (a mutation's read-your-writes) is never held back.
 */
const PROJECTION_BATCHING = { coalesceMs: 20, busyCoalesceMs: 500, batchSize: 5000 };

/**
 * Feeds one projection from the store through a CheckpointedSubscriber: each batch is applied
 * in one read-model transaction together with the new checkpoint, so the read model and its
 * checkpoint never disagree. The projection's schema version is checked at construction.
 */
export class ProjectionRunner {
  readonly subscriber: CheckpointedSubscriber;

  constructor(
    private readonly projection: Projection,
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    deadLetters: DeadLetters,
    logger: SubscriberLogger,
    options: SubscriberOptions = {},
  ) {
    this.subscriber = new CheckpointedSubscriber(
      { name: projection.name, filter: projection.filter, isBatched: true, handle: (events, save) => this.apply(events, save) },
      store,
      db,
      deadLetters,
      logger,
      { ...PROJECTION_BATCHING, ...options },
    );
    this.upgradeSchema();
    projection.migrate(db);
  }

  get name(): string {
    return this.projection.name;
  }

  get filter(): EventFilter {
    return this.projection.filter;
  }

  /**
   * Applies events a joint catch-up read for this projection, and moves its checkpoint to
   * `position` (the end of what was read, even if none of it was this projection's). Runs inside
   * the caller's transaction.
   */
  applyCaughtUp(events: readonly RecordedEvent[], position: Position): void {
    if (events.length > 0) this.applyEvents(events);
    this.subscriber.save(position);
  }

  /** Starts and resolves once the projection has caught up with the store. */
  start(): Promise<void> {
    return this.subscriber.start();
  }

  /** Stops, after applying whatever the store holds beyond the checkpoint, so a clean stop leaves nothing behind. */
  async stop(): Promise<void> {
    await this.subscriber.stop();
    try {
      await this.drain();
    } catch {
      // A failing event stays beyond the checkpoint; the next start retries it.
    }
  }

  /** Applies every event beyond the checkpoint, batch by batch, without subscribing: a rebuild's fast path. */
  async drain(): Promise<number> {
    let applied = 0;
    for (;;) {
      const batch = await this.store.readAll({ after: this.checkpoint(), filter: this.projection.filter, maxCount: DRAIN_BATCH });
      if (batch.length === 0) return applied;
      this.apply(batch, this.subscriber.save);
      applied += batch.length;
    }
  }

  /** Resolves once every event appended before the call is in the read model. */
  settled(): Promise<void> {
    return this.subscriber.settled();
  }

  /** Empties the projection and its checkpoint; the next start replays every event. */
  reset(): void {
    this.db.transaction(() => {
      this.projection.reset(this.db);
      this.subscriber.resetCheckpoint();
    })();
  }

  checkpoint(): Position | undefined {
    return this.subscriber.checkpoint();
  }

  private apply(events: readonly RecordedEvent[], save: (position: Position) => void): void {
    this.db.transaction(() => {
      this.applyEvents(events);
      save(events[events.length - 1].position);
    })();
  }

  private applyEvents(events: readonly RecordedEvent[]): void {
    if (this.projection.applyBatch) this.projection.applyBatch(this.db, events);
    else for (const event of events) this.projection.apply(this.db, event);
  }

  /** Drops the projection's tables and checkpoint when they were built for another schema version. */
  private upgradeSchema(): void {
    const { name, version = 1, tables = [] } = this.projection;
    this.db.exec('CREATE TABLE IF NOT EXISTS projection_versions (projection TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT version FROM projection_versions WHERE projection = ?').get(name) as { version: number } | undefined;
    // A database from before versions were recorded holds version 1.
    const built = row?.version ?? 1;
    this.db.transaction(() => {
      if (built !== version) {
        for (const table of tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
        this.subscriber.resetCheckpoint();
      }
      this.db.prepare('INSERT OR REPLACE INTO projection_versions (projection, version) VALUES (?, ?)').run(name, version);
    })();
  }
}
