import { join } from 'node:path';
import type { EventStore } from './event-store';
import { EsdbEventStore } from './esdb/esdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreSettings {
  /** Where the embedded store keeps its file. */
  readonly dataDir: string;
  /** `esdb://…` selects EventStoreDB/KurrentDB; unset selects the embedded store. */
  readonly eventStoreUrl?: string;
}

/** The embedded store's file name inside the data directory. */
export const EVENTS_FILE = 'events.sqlite';

/** Opens the store the configuration names. Nothing else in Keyward knows which one it is. */
export function openEventStore(settings: EventStoreSettings): EventStore {
  if (settings.eventStoreUrl) return new EsdbEventStore(settings.eventStoreUrl);
  return new SqliteEventStore(join(settings.dataDir, EVENTS_FILE));
}
