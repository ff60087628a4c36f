import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackgroundCheckpoints } from './background-checkpoints';

const MIB = 1024 * 1024;

describe('BackgroundCheckpoints', () => {
  let dir: string;
  let db: Database.Database;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-checkpoints-'));
    file = join(dir, 'test.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  });

  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const writeMiB = (mib: number) => {
    const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < mib * 16; i++) insert.run(Buffer.alloc(64 * 1024, i));
    })();
  };

  it('given commits on the event loop, when they add up to 24 MiB, then the database file takes them while the WAL stays small', async () => {
    // Given: the committing connection would checkpoint only past 64 MiB of WAL by itself.
    const checkpoints = BackgroundCheckpoints.start(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    let largestWal = 0;

    // When: 24 transactions of 1 MiB, each after the worker copied what came before.
    for (let mib = 1; mib <= 24; mib++) {
      writeMiB(1);
      largestWal = Math.max(largestWal, statSync(`${file}-wal`).size);
      await until(() => statSync(file).size >= mib * MIB);
    }
    await checkpoints?.stop();

    // Then: the WAL was reused from its start (never near 24 MiB), nothing was lost, and the
    // connection checkpoints by itself again, as SQLite does by default.
    expect(largestWal).toBeLessThan(8 * MIB);
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(24 * 16);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
  });

  it('given an in-memory database, then there is nothing to start', () => {
    expect(BackgroundCheckpoints.start(new Database(':memory:'))).toBeUndefined();
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the database file was not checkpointed in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
