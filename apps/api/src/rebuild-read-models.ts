import { openEventStore } from '@keyward/shared/event-store';
import { DeadLetters, ProjectionRunner } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase } from '@keyward/shared/read-models';
import type { KeywardConfig } from '@keyward/shared/server';
import { PROJECTIONS } from './projections';

/**
 * Empties every read model and replays all events into it. Run it with Keyward stopped: the
 * running server's projections would otherwise race the rebuild.
 */
export async function rebuildReadModels(config: KeywardConfig): Promise<void> {
  const store = openEventStore(config);
  const db = openReadModelDatabase(config.dataDir);
  const deadLetters = new DeadLetters(db);
  const log = { error: (message: string, details: unknown) => console.error(message, details), warn: (message: string, details: unknown) => console.warn(message, details) };
  try {
    for (const projection of PROJECTIONS) {
      const started = Date.now();
      const runner = new ProjectionRunner(projection, store, db, deadLetters, log);
      runner.reset();
      const events = await runner.drain();
      console.log(`Rebuilt ${projection.name} from ${events} events in ${Date.now() - started} ms`);
    }
  } finally {
    await store.close();
    db.close();
  }
}
