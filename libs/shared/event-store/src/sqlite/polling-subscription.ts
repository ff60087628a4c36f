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
  readonly handler: BatchHandler;
}

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
    });
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let after = this.options.after;
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
          after = batch.length < this.options.batchSize ? head : batch[batch.length - 1].position;
          continue;
        }
        after = head ?? after;
        this.markCaughtUp();
        this.releaseWaiters(read);
        await this.sleep();
        const isSomeoneWaiting = this.waiters.length > 0;
        if (this.options.coalesceMs > 0 && !this.isStopped && !isSomeoneWaiting) await delay(this.options.coalesceMs);
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
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
