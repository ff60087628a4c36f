import type { ResolvedEvent, StreamSubscription } from '@eventstore/db-client';
import type { BatchHandler, Position, RecordedEvent, Subscription } from '../event-store';

export interface EsdbSubscriptionOptions {
  /** Opens the server subscription after a position; checkpoints of filtered subscriptions go to `onCheckpoint`. */
  readonly open: (after: Position | undefined, onCheckpoint: (position: Position) => Promise<void>) => StreamSubscription;
  readonly after?: Position;
  /** The event to hand over, or null for one the filter drops. */
  readonly toEvent: (resolved: ResolvedEvent) => RecordedEvent | null;
  /** The position of the newest event in the store. */
  readonly head: () => Promise<Position | undefined>;
  readonly isAtOrAfter: (position: Position, target: Position) => boolean;
  readonly batchSize: number;
  readonly coalesceMs: number;
  readonly handler: BatchHandler;
}

/**
 * How long settled() waits, without the subscription moving, for a filtered subscription that the
 * server has not told about the head. While events are being handled it keeps waiting: a catch-up
 * on a busy machine is slow, not stuck.
 */
const SETTLE_LIMIT_MS = 2000;

/**
 * An EventStoreDB catch-up subscription to $all, handed to the handler in order, one event at a
 * time. `settled()` compares the handled position (or the server's last checkpoint) with the
 * head of $all.
 */
export class EsdbSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private subscription: StreamSubscription | null = null;
  private handled: Position | undefined;
  private isStopped = false;
  private hasEnded = false;
  private isHandling = false;
  /** When the handled position last moved (or the subscription began). */
  private movedAt = Date.now();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: EsdbSubscriptionOptions) {
    this.handled = options.after;
    this.done = this.run();
    this.done.catch(() => undefined);
    this.caughtUp = this.settled();
  }

  async settled(): Promise<void> {
    if (this.hasEnded) return;
    const head = await this.options.head();
    if (!head) return;
    const startedAt = Date.now();
    while (!this.hasEnded && !(this.handled && this.options.isAtOrAfter(this.handled, head)) && Date.now() < Math.max(startedAt, this.movedAt) + SETTLE_LIMIT_MS) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(release, 50);
        function release() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(release);
      });
    }
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    await this.subscription?.unsubscribe().catch(() => undefined);
    // Ends the client-side stream too, or the loop (and the client's dispose) waits forever.
    this.subscription?.destroy();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      this.subscription = this.options.open(this.options.after, (position) => this.checkpointReached(position));
      for await (const resolved of this.subscription) {
        if (this.isStopped) break;
        this.isHandling = true;
        const event = this.options.toEvent(resolved);
        if (event) await this.options.handler([event]);
        this.isHandling = false;
        if (event) this.advance(event.position);
      }
    } catch (error) {
      if (!this.isStopped) throw error;
    } finally {
      this.hasEnded = true;
      this.wakeWaiters();
    }
  }

  /**
   * The server's checkpoint arrives after the events before it, but those may still wait in the
   * client's buffer: it counts only once they are handled. (The client awaits this callback, so
   * nothing new is buffered meanwhile.)
   */
  private async checkpointReached(position: Position): Promise<void> {
    while (!this.isStopped && (this.isHandling || (this.subscription?.readableLength ?? 0) > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    this.advance(position);
  }

  private advance(position: Position | undefined): void {
    if (!position) return;
    if (!this.handled || this.options.isAtOrAfter(position, this.handled)) this.handled = position;
    this.movedAt = Date.now();
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const release of this.waiters) release();
    this.waiters.clear();
  }
}
