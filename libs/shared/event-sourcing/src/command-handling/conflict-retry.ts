/** How a command that lost a race (a revision conflict) is tried again. */
export interface ConflictRetry {
  /** Attempts in all, the first included, before CONFLICT is reported. */
  readonly maxAttempts: number;
  /** The wait before the second attempt may be up to this; it doubles with every attempt… */
  readonly baseDelayMs: number;
  /** …up to this. */
  readonly maxDelayMs: number;
}

/**
 * Forty-six concurrent generations for one user on a store 5–20 ms away all settle within these
 * bounds (libs/app-passwords/application: concurrency test on the EventStoreDB fake): each round
 * has one winner, and the losers spread out instead of colliding again.
 */
export const DEFAULT_CONFLICT_RETRY: ConflictRetry = { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 250 };

/** "Full jitter" (AWS Architecture Blog, 2015): a random wait below an exponentially growing bound. */
export function jitteredDelay(retry: ConflictRetry, attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}
