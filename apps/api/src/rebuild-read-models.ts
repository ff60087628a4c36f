import { performance } from 'node:perf_hooks';
import { BackgroundCheckpoints, openEventStore } from '@keyward/shared/event-store';
import { catchUpTogether, DeadLetters, ProjectionRunner } from '@keyward/shared/event-sourcing';
import { openReadModelDatabase } from '@keyward/shared/read-models';
import type { KeywardConfig } from '@keyward/shared/server';
import { PROJECTIONS } from './projections';

/**
 * Empties every read model and replays all events into them, in one pass over the store. Run it
 * with Keyward stopped: the running server's projections would otherwise race the rebuild.
 */
export async function rebuildReadModels(config: KeywardConfig): Promise<void> {
  const store = openEventStore(config);
  const db = openReadModelDatabase(config.dataDir);
  // Offline and repeatable: a rebuild cut short is simply run again, so it need not wait for the disk.
  db.pragma('synchronous = OFF');
  const checkpoints = BackgroundCheckpoints.start(db);
  const deadLetters = new DeadLetters(db);
  const log = { error: (message: string, details: unknown) => console.error(message, details), warn: (message: string, details: unknown) => console.warn(message, details) };
  try {
    const runners = PROJECTIONS.map((projection) => new ProjectionRunner(projection, store, db, deadLetters, log));
    for (const runner of runners) runner.reset();
    const started = performance.now();
    const applyMs = new Map<string, number>();
    const events = await catchUpTogether(runners, store, db, applyMs);
    const each = [...applyMs].map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ');
    console.log(`Rebuilt ${runners.length} read models from ${events} events in ${(performance.now() - started).toFixed(0)} ms (applying: ${each})`);
  } finally {
    await store.close();
    await checkpoints?.stop();
    db.close();
  }
}
