import { openEventStore } from '@keyward/shared/event-store';
import { openReadModelDatabase, ProjectionRunner } from '@keyward/shared/read-models';
import type { KeywardConfig } from '@keyward/shared/server';
import { PROJECTIONS } from './projections';

/**
 * Empties every read model and replays all events into it. Run it with Keyward stopped: the
 * running server's projections would otherwise race the rebuild.
 */
export async function rebuildReadModels(config: KeywardConfig): Promise<void> {
  const store = openEventStore(config);
  const db = openReadModelDatabase(config.dataDir);
  try {
    for (const projection of PROJECTIONS) {
      const started = Date.now();
      const runner = new ProjectionRunner(projection, store, db, {
        error: (message, error) => console.error(message, error),
      });
      runner.reset();
      await runner.start();
      await runner.stop();
      console.log(`Rebuilt ${projection.name} in ${Date.now() - started} ms`);
    }
  } finally {
    await store.close();
    db.close();
  }
}
