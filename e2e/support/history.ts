import { join } from 'node:path';
import { EVENTS_FILE, SqliteEventStore, type NewEvent } from '@keyward/shared/event-store';

/**
 * Writes a history into a data directory's embedded store before Keyward first starts on it: how
 * a test gets events from weeks ago, which no API can make.
 */
export async function writeHistory(dataDir: string, streams: Record<string, NewEvent[]>): Promise<void> {
  const store = new SqliteEventStore(join(dataDir, EVENTS_FILE));
  try {
    for (const [streamId, events] of Object.entries(streams)) await store.appendToStream(streamId, events);
  } finally {
    await store.close();
  }
}
