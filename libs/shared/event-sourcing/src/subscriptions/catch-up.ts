import { matchesFilter, type EventFilter, type EventStore, type Position } from '@keyward/shared/event-store';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { performance } from 'node:perf_hooks';
import type { ProjectionRunner } from './projection-runner';

/** Events read and applied per transaction while catching up: large, since nobody waits on one. */
const CATCH_UP_BATCH = 5000;

/**
 * Brings projections up to the store's head in one pass: projections whose checkpoints agree
 * (every one, on a new node or a rebuild) share each read and each transaction, so every event
 * is read and parsed once, not once per read model. A failure stops the pass without harm: the
 * transaction rolls back, and each projection's own subscriber goes on from its checkpoint,
 * event by event, with its retries and dead letters. Returns how many events were read.
 */
export async function catchUpTogether(
  runners: readonly ProjectionRunner[],
  store: EventStore,
  db: ReadModelDatabase,
  /** When given, each projection's time spent applying, in ms, is added here under its name. */
  applyMs?: Map<string, number>,
): Promise<number> {
  const groups = new Map<string, ProjectionRunner[]>();
  for (const runner of runners) groups.set(runner.checkpoint() ?? '', [...(groups.get(runner.checkpoint() ?? '') ?? []), runner]);
  let read = 0;
  for (const [checkpoint, group] of groups) {
    let after = (checkpoint || undefined) as Position | undefined;
    const filter = unionOf(group.map((runner) => runner.filter));
    for (;;) {
      const batch = await store.readAll({ after, filter, maxCount: CATCH_UP_BATCH });
      if (batch.length === 0) break;
      const last = batch[batch.length - 1].position;
      db.transaction(() => {
        for (const runner of group) {
          const started = performance.now();
          runner.applyCaughtUp(isEverything(runner.filter) ? batch : batch.filter((event) => matchesFilter(runner.filter, event)), last);
          applyMs?.set(runner.name, (applyMs.get(runner.name) ?? 0) + performance.now() - started);
        }
      })();
      read += batch.length;
      after = last;
    }
  }
  return read;
}

function isEverything(filter: EventFilter): boolean {
  return !filter.streamPrefixes?.length && !filter.eventTypes?.length;
}

/** A filter that lets through what any of the filters would (the runners then pick their own). */
function unionOf(filters: readonly EventFilter[]): EventFilter | undefined {
  if (filters.some((filter) => !filter.streamPrefixes?.length)) return undefined;
  return { streamPrefixes: [...new Set(filters.flatMap((filter) => filter.streamPrefixes ?? []))] };
}
