/**
 * What the detectors remember between events (recent failures of an account, the networks a
 * credential was used from, the alert a key has open), by key. The application keeps it in the
 * read-model database, committed with the detection's checkpoint; tests keep it in a Map.
 *
 * `expiresAt` (event time, ms) is a promise by the detector: after it, the entry decides nothing
 * an absent entry would not, so whoever keeps the memory may drop it then. Null: kept for good.
 */
export interface DetectorMemory {
  get(key: string): unknown;
  set(key: string, value: unknown, expiresAt: number | null): void;
  delete(key: string): void;
}

/**
 * Slack added to every expiry: sign-ins recorded by different requests reach the log a little
 * out of time order, and an entry must outlive the latest event that could still touch it.
 */
export const EXPIRY_SLACK_MS = 60_000;

/** A DetectorMemory in a Map: for tests, and for measuring the detectors alone. */
export class MapDetectorMemory implements DetectorMemory {
  readonly entries = new Map<string, { value: unknown; expiresAt: number | null }>();

  get(key: string): unknown {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: unknown, expiresAt: number | null): void {
    this.entries.set(key, { value: structuredClone(value), expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops what expired before `at`, as the application's memory does from time to time. */
  expire(at: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt !== null && entry.expiresAt < at) this.entries.delete(key);
  }
}
