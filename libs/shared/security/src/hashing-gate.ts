/** Whose argon2 work it is: a check against a real hash, or the dummy work for a name or key id that matched nothing. */
export type HashingLane = 'known' | 'unknown';

export interface HashingLimits {
  /** Checks that run at once: the threads libuv has for them. */
  readonly concurrent: number;
  /** Checks that may wait, per lane; beyond, the attempt is shed at once. */
  readonly queued: Readonly<Record<HashingLane, number>>;
}

/** Returned instead of running the work: the server is too busy to check this attempt now. */
export const SHED = Symbol('shed');

/**
 * A bound on argon2 work, with fairness. Without one, a burst of guesses for made-up names fills
 * libuv's queue and every tenant's valid sign-in waits behind all of it (2.5 s for 200 guesses).
 * Here at most `concurrent` checks run; waiting checks of known credentials go before the dummy
 * work of attempts that matched nothing; and each lane's queue is bounded, so a burst is shed
 * cheaply (the caller answers 503 with Retry-After) instead of slowing everyone.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: Record<HashingLane, (() => void)[]> = { known: [], unknown: [] };

  constructor(private readonly limits: HashingLimits) {}

  async run<T>(lane: HashingLane, work: () => Promise<T>): Promise<T | typeof SHED> {
    if (this.running >= this.limits.concurrent) {
      if (this.waiting[lane].length >= this.limits.queued[lane]) return SHED;
      // The place is handed over by the check that ends (see `next`), not taken here.
      await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      this.next();
    }
  }

  /** Checks running and waiting now. */
  get load(): { running: number; known: number; unknown: number } {
    return { running: this.running, known: this.waiting.known.length, unknown: this.waiting.unknown.length };
  }

  private next(): void {
    const admit = this.waiting.known.shift() ?? this.waiting.unknown.shift();
    if (admit) admit();
    else this.running--;
  }
}
