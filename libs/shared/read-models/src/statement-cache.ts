import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from './read-model-database';

const caches = new WeakMap<ReadModelDatabase, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared once: projections run the same few statements per event. */
export function statement(db: ReadModelDatabase, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
