import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type ReadModelDatabase = Database.Database;

/** The read models' file inside the data directory. Disposable: rebuilt from the events. */
export const READ_MODELS_FILE = 'read-models.sqlite';

/** The read models' page cache: 256 MiB, an upper bound that SQLite only fills as it needs. */
const READ_MODEL_CACHE_KIB = 256 * 1024;

/**
 * Opens this node's read-model database. Read models live in their own file, not in the event
 * file: they are node-local (each node of a cluster keeps its own), disposable (a backup needs
 * only the events), and `synchronous = NORMAL` is enough for them, since a lost tail is
 * re-applied from the checkpoint that is committed in the same transaction.
 */
export function openReadModelDatabase(dataDir: string): ReadModelDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, READ_MODELS_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Projections insert into several indexes per event, at places all over each index: with
  // SQLite's default 2 MB page cache those pages are evicted and read back again and again.
  db.pragma(`cache_size = -${READ_MODEL_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  moveCheckpoints(db);
  return db;
}

/** Checkpoints of projections and reactors used to live in two tables; subscribers now share one. */
function moveCheckpoints(db: ReadModelDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS subscriber_checkpoints (subscriber TEXT PRIMARY KEY, position TEXT NOT NULL)');
  for (const [table, column] of [['projection_checkpoints', 'projection'], ['reactor_checkpoints', 'reactor']]) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) continue;
    db.transaction(() => {
      db.exec(`INSERT OR IGNORE INTO subscriber_checkpoints SELECT ${column}, position FROM ${table}`);
      db.exec(`DROP TABLE ${table}`);
    })();
  }
}
