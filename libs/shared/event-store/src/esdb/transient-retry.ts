import { ErrorType, isCommandError } from '@eventstore/db-client';

/** Errors after which the same call may succeed: the node is restarting, lost leadership, or slow. */
const TRANSIENT: readonly string[] = [ErrorType.UNAVAILABLE, ErrorType.NOT_LEADER, ErrorType.DEADLINE_EXCEEDED];

export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, firstDelayMs: 100, maxDelayMs: 2000 };

export function isTransient(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && TRANSIENT.includes(error.type);
}

/**
 * Runs `call`, retrying transient failures with doubling delays (bounded in count and delay).
 * Only for calls that are safe to repeat: reads, and appends (idempotent by event id).
 */
export async function withTransientRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || attempt >= policy.attempts) throw error;
      const wait = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
