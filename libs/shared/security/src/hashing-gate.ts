/** Whose argon2 work it is: a check against a real hash, or the dummy work for a name or key id that matched nothing. */
export type HashingLane = 'known' | 'unknown';

export interface HashingLimits {
  /** Checks that run at once: the threads libuv has for them. */
  readonly concurrent: number;
  /** Of those, how many may be dummy work (by default all but one, kept for real credentials). */
  readonly unknownConcurrent?: number;
  /** Checks that may wait, per lane; beyond, the attempt is shed at once. */
  readonly queued: Readonly<Record<HashingLane, number>>;
}

/** Returned instead of running the work: the server is too busy to check this attempt now. */
export const SHED = Symbol('shed');

/**
 * A bound on argon2 work, with fairness. Without one, a burst of guesses for made-up names fills
 * libuv's queue and every tenant's valid sign-in waits behind all of it (2.5 s for 200 guesses).
 * Here at most `concurrent` checks run; waiting checks of known credentials go before the dummy
 * work of attempts that matched nothing, and dummy work never takes the last thread, so a real
 * credential's check never waits for a guess's to end; and each lane's queue is bounded, so a
 * burst is shed cheaply (the caller answers 503 with Retry-After) instead of slowing everyone.
 */
export class HashingGate {
  private readonly running: Record<HashingLane, number> = { known: 0, unknown: 0 };
  private readonly waiting: Record<HashingLane, (() => void)[]> = { known: [], unknown: [] };
  private readonly unknownConcurrent: number;

  constructor(private readonly limits: HashingLimits) {
    this.unknownConcurrent = limits.unknownConcurrent ?? Math.max(1, limits.concurrent - 1);
  }

  async run<T>(lane: HashingLane, work: () => Promise<T>): Promise<T | typeof SHED> {
    if (this.canStart(lane)) this.running[lane]++;
    else {
      if (this.waiting[lane].length >= this.limits.queued[lane]) return SHED;
      // The place is taken for it by the check that ends (see `next`), not here.
      await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    }
    try {
      return await work();
    } finally {
      this.running[lane]--;
      this.next();
    }
  }

  /** Checks running and waiting now. */
  get load(): { running: number; known: number; unknown: number } {
    return { running: this.running.known + this.running.unknown, known: this.waiting.known.length, unknown: this.waiting.unknown.length };
  }

  private canStart(lane: HashingLane): boolean {
    return this.running.known + this.running.unknown < this.limits.concurrent && (lane === 'known' || this.running.unknown < this.unknownConcurrent);
  }

  /** Starts what may start now: waiting checks of known credentials first. */
  private next(): void {
    for (;;) {
      const lane: HashingLane | null = this.waiting.known.length > 0 && this.canStart('known') ? 'known' : this.waiting.unknown.length > 0 && this.canStart('unknown') ? 'unknown' : null;
      if (!lane) return;
      this.running[lane]++;
      this.waiting[lane].shift()?.();
    }
  }
}
