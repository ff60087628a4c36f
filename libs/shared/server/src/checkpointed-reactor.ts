import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventFilter, EventStore, Position, RecordedEvent, Subscription } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Reacts to events from the store with a checkpoint of its own (in the read-model database), so
 * a restart neither repeats nor misses one. One event's failure is logged and does not stop the
 * next; a dropped subscription is reopened from the checkpoint with a growing wait.
 */
export abstract class CheckpointedReactor implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private subscription: Subscription | null = null;
  private isStopped = false;
  private consecutiveFailures = 0;

  constructor(
    private readonly name: string,
    private readonly filter: EventFilter,
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly retryDelayMs = 2000,
  ) {
    this.logger = new Logger(name);
    db.exec('CREATE TABLE IF NOT EXISTS reactor_checkpoints (reactor TEXT PRIMARY KEY, position TEXT NOT NULL)');
  }

  /** Whether this node reacts at all (a reactor may depend on configuration). */
  protected isEnabled(): boolean {
    return true;
  }

  /** Handles one event; a thrown error is logged with the event's id. */
  protected abstract react(event: RecordedEvent): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.isEnabled()) this.subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    await this.subscription?.stop();
  }

  /** Resolves once every event appended before the call has been reacted to. */
  async settled(): Promise<void> {
    await this.subscription?.settled();
  }

  private subscribe(): void {
    const row = statement(this.db, 'SELECT position FROM reactor_checkpoints WHERE reactor = ?').get(this.name) as { position: Position } | undefined;
    this.subscription = this.store.subscribeToAll({ after: row?.position, filter: this.filter }, (batch) => this.handle(batch));
    this.subscription.done.catch((error: unknown) => {
      const delay = Math.min(this.retryDelayMs * 2 ** this.consecutiveFailures++, MAX_RETRY_DELAY_MS);
      this.logger.warn(`subscription ended (${String(error)}); reopening from the checkpoint in ${delay} ms`);
      if (!this.isStopped) setTimeout(() => !this.isStopped && this.subscribe(), delay).unref();
    });
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      await this.react(event).catch((error: unknown) => this.logger.warn({ msg: `${this.name} could not react to an event`, eventId: event.id, error: String(error) }));
    }
    statement(this.db, 'INSERT INTO reactor_checkpoints VALUES (?, ?) ON CONFLICT (reactor) DO UPDATE SET position = excluded.position').run(
      this.name,
      batch[batch.length - 1].position,
    );
    this.consecutiveFailures = 0;
  }
}
