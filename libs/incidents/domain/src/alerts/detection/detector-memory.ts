/** A remembered value, and when it stops mattering. */
export interface MemoryEntry {
  readonly value: unknown;
  /**
   * Event time (ms) after which the entry decides nothing an absent entry would not: the
   * detectors no longer see it once the watermark has passed it, and whoever keeps the memory
   * may drop it then. Null: kept for good.
   */
  readonly expiresAt: number | null;
}

/**
 * What the detectors remember between events (recent failures of an account, the networks a
 * credential was used from, the alert a key has open), by key. The application keeps it in the
 * read-model database, committed with the detection's checkpoint; tests keep it in a Map.
 */
export interface DetectorMemory {
  get(key: string): MemoryEntry | undefined;
  set(key: string, value: unknown, expiresAt: number | null): void;
  delete(key: string): void;
}

/** What one detector sees of the memory at one event: values, with those expired before the watermark gone. */
export interface Recall {
  get(key: string): unknown;
  set(key: string, value: unknown, expiresAt: number | null): void;
}

/**
 * Slack added to every expiry: sign-ins recorded by different requests reach the log a little
 * out of time order, and an entry must outlive the latest event that could still touch it.
 */
export const EXPIRY_SLACK_MS = 60_000;

const WATERMARK = 'watermark';

/**
 * The latest event time seen so far. Expiry is judged against it, not against the batch being
 * handled, so whether an entry is seen depends only on the events before it in the log, never on
 * how they were batched or when expired entries were dropped: a replay decides the same even
 * when the log is far out of time order (a bulk import).
 */
export function watermarkOf(memory: DetectorMemory): number {
  return (memory.get(WATERMARK)?.value as number | undefined) ?? Number.NEGATIVE_INFINITY;
}

/** Moves the watermark up to `at` (never back) and returns the memory as the detectors see it then. */
export function recallAt(memory: DetectorMemory, at: number): Recall {
  const watermark = Math.max(watermarkOf(memory), at);
  if (watermark !== watermarkOf(memory)) memory.set(WATERMARK, watermark, null);
  return {
    get(key) {
      const entry = memory.get(key);
      return entry && (entry.expiresAt === null || entry.expiresAt >= watermark) ? entry.value : undefined;
    },
    set: (key, value, expiresAt) => memory.set(key, value, expiresAt),
  };
}

/** A DetectorMemory in a Map: for tests, and for measuring the detectors alone. */
export class MapDetectorMemory implements DetectorMemory {
  readonly entries = new Map<string, MemoryEntry>();

  get(key: string): MemoryEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: unknown, expiresAt: number | null): void {
    this.entries.set(key, { value: structuredClone(value), expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops what expired before `at`, as the application's memory does after each batch. */
  expire(at: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt !== null && entry.expiresAt < at) this.entries.delete(key);
  }
}
