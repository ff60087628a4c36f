import type { EventStore, Position, RecordedEvent, Subscription } from '@keyward/shared/event-store';
import type { Projection } from './projection';
import type { ReadModelDatabase } from './read-model-database';
import { statement } from './statement-cache';

const MAX_RETRY_DELAY_MS = 30_000;

export interface ProjectionRunnerLogger {
  error(message: string, error: unknown): void;
}

/**
 * Feeds one projection from the store: subscribes after its checkpoint and applies each batch
 * in one read-model transaction together with the new checkpoint. If applying fails, the
 * transaction rolls back and the runner resubscribes from the last committed checkpoint.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private isStopped = false;
  private consecutiveFailures = 0;

  constructor(
    private readonly projection: Projection,
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly logger: ProjectionRunnerLogger,
    private readonly retryDelayMs = 1000,
    /** How late a live event may reach the read model, so that bursts are applied together. */
    private readonly coalesceMs = 20,
  ) {
    this.upgradeSchema();
    projection.migrate(db);
  }

  /** Starts and resolves once the projection has caught up with the store. */
  async start(): Promise<void> {
    this.isStopped = false;
    this.subscribe();
    await this.subscription?.caughtUp;
  }

  /** Stops, after applying whatever the store holds beyond the checkpoint, so a clean stop leaves nothing behind. */
  async stop(): Promise<void> {
    this.isStopped = true;
    await this.subscription?.stop();
    for (;;) {
      const batch = await this.store.readAll({ after: this.checkpoint(), filter: this.projection.filter, maxCount: 500 });
      if (batch.length === 0) return;
      this.applyBatch(batch);
    }
  }

  /** Resolves once every event appended before the call is in the read model. */
  async settled(): Promise<void> {
    await this.subscription?.settled();
  }

  /** Empties the projection and its checkpoint; the next start replays every event. */
  reset(): void {
    this.db.transaction(() => {
      this.projection.reset(this.db);
      this.db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?').run(this.projection.name);
    })();
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
        this.db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?').run(name);
      }
      this.db.prepare('INSERT OR REPLACE INTO projection_versions (projection, version) VALUES (?, ?)').run(name, version);
    })();
  }

  checkpoint(): Position | undefined {
    const row = this.db
      .prepare('SELECT position FROM projection_checkpoints WHERE projection = ?')
      .get(this.projection.name) as { position: string } | undefined;
    return row?.position as Position | undefined;
  }

  private subscribe(): void {
    const subscription = this.store.subscribeToAll(
      { after: this.checkpoint(), filter: this.projection.filter, coalesceMs: this.coalesceMs },
      (batch) => this.applyBatch(batch),
    );
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      // Back off while the failures repeat (a store that is away), from retryDelayMs up to 30 s.
      const delay = Math.min(this.retryDelayMs * 2 ** this.consecutiveFailures, MAX_RETRY_DELAY_MS);
      this.consecutiveFailures++;
      this.logger.error(`Projection ${this.projection.name} failed; retrying from its checkpoint in ${delay} ms`, error);
      if (!this.isStopped) setTimeout(() => !this.isStopped && this.subscribe(), delay).unref();
    });
  }

  private applyBatch(batch: readonly RecordedEvent[]): void {
    const save = statement(
      this.db,
      `INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
    );
    this.db.transaction(() => {
      for (const event of batch) this.projection.apply(this.db, event);
      save.run(this.projection.name, batch[batch.length - 1].position);
    })();
    this.consecutiveFailures = 0;
  }
}
