/** The log must not lose an event: a failing batch is retried (up to every 30 s), never parked. */
export const NEVER_PARK = { maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** The writer's subscriber, on its thread or on the event loop. */
export const WRITER_OPTIONS = { failures: NEVER_PARK, coalesceMs: 20, busyCoalesceMs: 500, batchSize: 5000 };
