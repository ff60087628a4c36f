import { join } from 'node:path';
import type { EventStore } from './event-store';
import { EsdbEventStore } from './esdb/esdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreSettings {
  /** Where the embedded store keeps its file. */
  readonly dataDir: string;
  /** `esdb://…` selects EventStoreDB/KurrentDB; unset selects the embedded store. */
  readonly eventStoreUrl?: string;
  /** EventStoreDB only: $maxAge (days) and $maxCount for usage and sign-in-failure streams. */
  readonly usageRetention?: { readonly maxAgeDays?: number; readonly maxCount?: number };
  /**
   * A connection that only reads and subscribes, beside the server's own (a worker thread's):
   * on the embedded store it checkpoints nothing and looks for new events every `pollIntervalMs`,
   * since it hears of no append.
   */
  readonly reader?: { readonly pollIntervalMs: number };
}

/** The high-volume streams retention may apply to; lifecycle streams are kept forever. */
export const USAGE_STREAM_PREFIXES = ['appPasswordUsage-', 'signInFailures-'];

/** The embedded store's file name inside the data directory. */
export const EVENTS_FILE = 'events.sqlite';

/** Opens the store the configuration names. Nothing else in Keyward knows which one it is. */
export function openEventStore(settings: EventStoreSettings): EventStore {
  if (settings.eventStoreUrl) {
    const retention = settings.usageRetention;
    return new EsdbEventStore(settings.eventStoreUrl, {
      streamPrefixes: USAGE_STREAM_PREFIXES,
      maxAgeSeconds: retention?.maxAgeDays !== undefined ? retention.maxAgeDays * 86_400 : undefined,
      maxCount: retention?.maxCount,
    });
  }
  const file = join(settings.dataDir, EVENTS_FILE);
  return settings.reader ? new SqliteEventStore(file, { pollIntervalMs: settings.reader.pollIntervalMs }) : new SqliteEventStore(file, { checkpointInBackground: true });
}
