import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** How often the background connection checkpoints the WAL into the database file. */
const INTERVAL_MS = 100;

/**
 * WAL pages after which a commit on the event loop checkpoints after all: only if the background
 * connection cannot keep up (or is gone). 16,384 pages of 4 KiB, 64 MiB.
 */
const FALLBACK_PAGES = 16_384;

/** SQLite's default, restored when the background connection fails. */
const DEFAULT_PAGES = 1_000;

declare const __non_webpack_require__: NodeJS.Require | undefined;

/**
 * The worker's source, evaluated in a worker thread. It opens its own connection to the file and
 * runs a PASSIVE checkpoint every `intervalMs`: it copies committed pages from the WAL into the
 * database file (and syncs as the main connection's `synchronous` asks), never blocking a reader
 * or a writer.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
let timer;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); parentPort.close(); }
});
`;

/**
 * Moves a WAL database's checkpoints off the event loop. SQLite checkpoints after the commit that
 * grows the WAL past 1,000 pages, on the connection that committed: it copies those pages into
 * the database file and syncs it, so on a busy file one commit in a few stalls the event loop, and
 * `/verify` with it. Here a worker thread with its own connection does that every 100 ms instead,
 * and the event loop's connection checkpoints itself only past 64 MiB of WAL (the worker behind
 * or gone). See docs/benchmarks.md, "Revocation cases", for what it changes.
 */
export class BackgroundCheckpoints {
  private readonly worker: Worker;
  private readonly stopped: Promise<void>;

  private constructor(
    private readonly db: Database.Database,
    onError: (message: string) => void,
  ) {
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: db.name, modulePath: nodeRequire().resolve('better-sqlite3'), synchronous, intervalMs: INTERVAL_MS },
    });
    this.worker.unref();
    this.worker.on('message', (message: { error?: string }) => message.error && onError(message.error));
    this.stopped = new Promise((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.once('error', (error) => {
        onError(String(error));
        if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
      });
    });
  }

  /** Starts checkpointing `db` in the background; nothing to do for an in-memory database. */
  static start(db: Database.Database, onError: (message: string) => void = () => undefined): BackgroundCheckpoints | undefined {
    return db.memory ? undefined : new BackgroundCheckpoints(db, onError);
  }

  /** Checkpoints once more and closes the worker's connection; call before closing `db`. */
  async stop(): Promise<void> {
    // Held until the worker has closed its connection, even when nothing else keeps the process up.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.stopped;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  }
}

/** Node's own `require`, also inside the webpack bundle (whose `require` cannot resolve a path). */
function nodeRequire(): NodeJS.Require {
  return typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;
}
