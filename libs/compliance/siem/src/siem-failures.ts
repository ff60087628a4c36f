import type { FailurePolicy } from '@keyward/shared/event-sourcing';

/** The longest wait between two attempts at sending a batch. */
export const MAX_SIEM_RETRY_DELAY_MS = 5 * 60_000;

/**
 * How a forwarder retries: after `retryMs`, then twice as long each time up to five minutes,
 * for ever. A SIEM must not miss an audit record, so an event is never parked as a dead letter:
 * the forwarder waits at it (later events wait too, and GET /health says `degraded` meanwhile)
 * until the receiver takes it. The subscriber parks after `maxAttempts`; at one every five
 * minutes, MAX_SAFE_INTEGER attempts outlast any deployment.
 */
export function siemFailurePolicy(retryMs: number): FailurePolicy {
  return { maxAttempts: Number.MAX_SAFE_INTEGER, baseDelayMs: retryMs, maxDelayMs: Math.max(retryMs, MAX_SIEM_RETRY_DELAY_MS) };
}
