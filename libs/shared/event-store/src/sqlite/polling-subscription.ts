import type { BatchHandler, Position, RecordedEvent, Subscription } from '../event-store';

export interface PollingSubscriptionOptions {
  readonly after?: Position;
  readonly batchSize: number;
  /** Up to `count` matching events after `after` and at or before `upTo`. */
  readonly read: (after: Position | undefined, count: number, upTo: Position | undefined) => RecordedEvent[];
  /** The newest position in the store, matching or not. */
  readonly head: () => Position | undefined;
  /** Registers a wake-up call for appends made by this process; returns the unregistration. */
  readonly onAppended: (listener: () => void) => () => void;
  /** Appends by other processes sharing the file are seen within this many ms. */
  readonly pollIntervalMs: number;
  /** After a wake-up, wait this long before reading, so a burst is read as one batch. */
  readonly coalesceMs: number;
  /** The wait instead of `coalesceMs` after a round of at least BUSY_ROUND events (see SubscribeOptions). */
  readonly busyCoalesceMs?: number;
  readonly handler: BatchHandler;
}

/** A round (events handled between two caught-up moments) this large makes the store busy. */
export const BUSY_ROUND = 500;

/**
 * Catch-up then live delivery over a store that can be read from a position: read a batch,
 * hand it over, repeat; when nothing is left, wait for an append in this process or for the
 * poll interval (appends from other processes). A read that comes back short has seen every
 * event up to the head it was bounded by, matching or not: the next read starts there, so a
 * subscriber to rare events does not scan the same busy tail of the log at every append.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private markCaughtUp!: () => void;
  private isStopped = false;
  private hasEnded = false;
  private wake: (() => void) | null = null;
  private hasNews = false;
  /** Reads started so far; a waiter is released by an empty read that started after its call. */
  private reads = 0;
  private waiters: { afterRead: number; release: () => void }[] = [];
  /** Ends a coalescing wait early: someone waits for the subscription to settle. */
  private interrupt: (() => void) | null = null;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    this.done = this.run();
    // A failed subscription is reported through `done`; don't let it also crash the process.
    this.done.catch(() => undefined);
  }

  settled(): Promise<void> {
    // An ended subscription (stopped, or failed) will handle nothing more: nothing to wait for.
    if (this.isStopped || this.hasEnded) return Promise.resolve();
    return new Promise((release) => {
      this.waiters.push({ afterRead: this.reads, release });
      this.hasNews = true;
      this.wake?.();
      this.interrupt?.();
    });
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.wake?.();
    this.interrupt?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let after = this.options.after;
    // Events handled since the subscription was last caught up.
    let round = 0;
    const unsubscribe = this.options.onAppended(() => {
      this.hasNews = true;
      this.wake?.();
    });
    try {
      while (!this.isStopped) {
        this.hasNews = false;
        const read = ++this.reads;
        const head = this.options.head();
        const batch = this.options.read(after, this.options.batchSize, head);
        if (batch.length > 0) {
          await this.options.handler(batch);
          round += batch.length;
          after = batch.length < this.options.batchSize ? head : batch[batch.length - 1].position;
          continue;
        }
        after = head ?? after;
        this.markCaughtUp();
        this.releaseWaiters(read);
        const coalesceMs = round >= BUSY_ROUND ? (this.options.busyCoalesceMs ?? this.options.coalesceMs) : this.options.coalesceMs;
        round = 0;
        await this.sleep();
        const isSomeoneWaiting = this.waiters.length > 0;
        if (coalesceMs > 0 && !this.isStopped && !isSomeoneWaiting) await this.coalesce(coalesceMs);
      }
    } finally {
      this.hasEnded = true;
      unsubscribe();
      this.markCaughtUp();
      this.releaseWaiters(Number.POSITIVE_INFINITY);
    }
  }

  private releaseWaiters(emptyRead: number): void {
    const released = this.waiters.filter((waiter) => waiter.afterRead < emptyRead);
    this.waiters = this.waiters.filter((waiter) => waiter.afterRead >= emptyRead);
    for (const waiter of released) waiter.release();
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      if (this.hasNews || this.isStopped) return resolve();
      const timer = setTimeout(done, this.options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Waits `ms` for more events to arrive, or less when someone starts waiting for the subscription to settle. */
  private coalesce(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}
