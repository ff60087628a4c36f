import type { EventFilter, EventStore, Position, RecordedEvent, Subscription } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { DeadLetters } from './dead-letters';

/** Moves the subscriber's checkpoint; runs inside the handler's transaction when it has one. */
export type SaveCheckpoint = (position: Position) => void;

/** What a subscriber does with the events it is handed. */
export interface SubscriberHandler {
  /** Stable name: the checkpoint, failures and dead letters are kept under it. */
  readonly name: string;
  readonly filter: EventFilter;
  /**
   * Whether the handler takes many events at once (a projection, in one transaction); otherwise
   * it is handed one event at a time (a reactor, whose effects leave the database).
   */
  readonly isBatched: boolean;
  /** Handles the events in order and saves the checkpoint of the last one; throws to report a failure. */
  handle(events: readonly RecordedEvent[], save: SaveCheckpoint): Promise<void> | void;
}

/** How a failing event is retried before it is parked. */
export interface FailurePolicy {
  /** Attempts in all (across restarts) before the event is parked as a dead letter. */
  readonly maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one… */
  readonly baseDelayMs: number;
  /** …up to this. */
  readonly maxDelayMs: number;
}

/** 1 s, 2 s, 4 s, 8 s: a blip in a dependency is ridden out; a poison event is parked after about 15 s. */
export const DEFAULT_FAILURE_POLICY: FailurePolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

export interface SubscriberLogger {
  error(message: string, details: Record<string, unknown>): void;
  warn(message: string, details: Record<string, unknown>): void;
}

export interface SubscriberOptions {
  readonly failures?: FailurePolicy;
  /** How late a live event may be handed over, so that bursts come as one batch. */
  readonly coalesceMs?: number;
  /** How late after a busy round (see SubscribeOptions.busyCoalesceMs). */
  readonly busyCoalesceMs?: number;
  readonly batchSize?: number;
  /** The first wait before a dropped subscription (the store away) is reopened; it grows up to 30 s. */
  readonly resubscribeDelayMs?: number;
  readonly now?: () => Date;
}

const MAX_RESUBSCRIBE_DELAY_MS = 30_000;

/** Thrown out of a handler that was waiting to retry when the subscriber stopped: nothing moves. */
class SubscriberStopped extends Error {}

/**
 * The one subscriber projections and reactors share: events from the store after a checkpoint
 * kept in the read-model database, in order. A failure never moves the checkpoint: the event is
 * retried with a growing wait (the count survives restarts), and only after
 * `failures.maxAttempts` is it parked in the dead-letter table, logged at error level, and the
 * checkpoint moved past it in the same transaction. Nothing is skipped silently.
 */
export class CheckpointedSubscriber {
  private subscription: Subscription | null = null;
  private isStopped = false;
  private storeFailures = 0;
  private failing: { eventId: string; attempts: number } | null = null;
  private wake: (() => void) | null = null;
  private readonly failures: FailurePolicy;

  constructor(
    private readonly handler: SubscriberHandler,
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly deadLetters: DeadLetters,
    private readonly logger: SubscriberLogger,
    private readonly options: SubscriberOptions = {},
  ) {
    this.failures = options.failures ?? DEFAULT_FAILURE_POLICY;
    db.exec('CREATE TABLE IF NOT EXISTS subscriber_checkpoints (subscriber TEXT PRIMARY KEY, position TEXT NOT NULL)');
  }

  get name(): string {
    return this.handler.name;
  }

  /** The event the subscriber is retrying now, if any. */
  get currentFailure(): { eventId: string; attempts: number } | null {
    return this.failing;
  }

  checkpoint(): Position | undefined {
    const row = statement(this.db, 'SELECT position FROM subscriber_checkpoints WHERE subscriber = ?').get(this.name) as { position: Position } | undefined;
    return row?.position;
  }

  /** Moves the checkpoint; inside a transaction, it commits with it. */
  readonly save: SaveCheckpoint = (position) => {
    statement(this.db, 'INSERT INTO subscriber_checkpoints VALUES (?, ?) ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position').run(
      this.name,
      position,
    );
  };

  /** Forgets the checkpoint: the next start hands over every event again. */
  resetCheckpoint(): void {
    statement(this.db, 'DELETE FROM subscriber_checkpoints WHERE subscriber = ?').run(this.name);
  }

  /** Subscribes; resolves once every event that existed at the start has been handled (or parked). */
  async start(): Promise<void> {
    this.isStopped = false;
    this.subscribe();
    await this.subscription?.caughtUp;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.wake?.();
    await this.subscription?.stop();
  }

  /** Resolves once every event appended before the call has been handled (or parked). */
  async settled(): Promise<void> {
    await this.subscription?.settled();
  }

  /** Hands a parked event to the handler once more, without moving the checkpoint; throws if it fails again. */
  async retryParked(id: number): Promise<void> {
    const found = this.deadLetters.find(id);
    if (!found || found.deadLetter.subscriber !== this.name) throw new Error(`No dead letter ${id} for ${this.name}`);
    try {
      await this.handler.handle([found.event], () => undefined);
    } catch (error) {
      this.deadLetters.recordRetryFailure(id, error);
      throw error;
    }
    this.deadLetters.remove(id);
  }

  private subscribe(): void {
    const subscription = this.store.subscribeToAll(
      { after: this.checkpoint(), filter: this.handler.filter, coalesceMs: this.options.coalesceMs ?? 0, busyCoalesceMs: this.options.busyCoalesceMs, batchSize: this.options.batchSize },
      (batch) => this.handleBatch(batch),
    );
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      if (this.isStopped || error instanceof SubscriberStopped) return;
      // The store is away (or the connection dropped): reopen from the checkpoint, backing off.
      const delay = Math.min((this.options.resubscribeDelayMs ?? 1000) * 2 ** this.storeFailures++, MAX_RESUBSCRIBE_DELAY_MS);
      this.logger.warn(`${this.name}: subscription ended; reopening from the checkpoint in ${delay} ms`, { error: String(error) });
      setTimeout(() => !this.isStopped && this.subscribe(), delay).unref();
    });
  }

  private async handleBatch(batch: readonly RecordedEvent[]): Promise<void> {
    this.storeFailures = 0;
    if (this.handler.isBatched && batch.length > 1) {
      try {
        await this.handler.handle(batch, this.save);
        return;
      } catch {
        // Find the event that fails: the others go through one at a time.
      }
    }
    for (const event of batch) await this.handleOne(event);
  }

  /** Handles one event, retrying it until it succeeds or is parked; the checkpoint waits meanwhile. */
  private async handleOne(event: RecordedEvent): Promise<void> {
    for (;;) {
      try {
        await this.handler.handle([event], this.save);
        if (this.failing) this.deadLetters.clearFailure(this.name);
        this.failing = null;
        return;
      } catch (error) {
        if (error instanceof SubscriberStopped) throw error;
        const attempts = this.deadLetters.recordFailure(this.name, event, error);
        this.failing = { eventId: event.id, attempts };
        const details = { subscriber: this.name, eventId: event.id, type: event.type, attempts, error: String(error) };
        if (attempts >= this.failures.maxAttempts) {
          this.db.transaction(() => {
            this.deadLetters.park(this.name, event, attempts, error, (this.options.now ?? (() => new Date()))());
            this.save(event.position);
          })();
          this.failing = null;
          this.logger.error(`${this.name}: parked an event as a dead letter after ${attempts} failed attempts`, details);
          return;
        }
        const delay = Math.min(this.failures.baseDelayMs * 2 ** (attempts - 1), this.failures.maxDelayMs);
        this.logger.warn(`${this.name}: could not handle an event; retrying in ${delay} ms`, details);
        await this.pause(delay);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.isStopped) return reject(new SubscriberStopped());
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        reject(new SubscriberStopped());
      };
    });
  }
}
