import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@keyward/shared/event-store';
import { sequentialRate } from './measure';

const metadata = {
  tenantId: 'bench',
  actor: 'system:bench' as const,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
};
const data = { appPasswordId: 'abcdefghij', userId: 'u', protocol: 'imap', sourceIp: '192.0.2.1', client: 'bench' };

/**
 * Single-event appends through SqliteEventStore (revision check, idempotency look-up, insert, one
 * transaction each) against raw better-sqlite3 inserts of the same rows into the same schema with
 * the same pragmas (WAL, synchronous = FULL), each insert its own transaction.
 */
export async function benchAppends(count: number): Promise<{ store: number; raw: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-bench-'));
  try {
    const raw = new Database(join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
      stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      UNIQUE (stream_id, revision))`);
    const insert = raw.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    // Warm both up, then alternate rounds so that machine noise hits both alike.
    let storeRate = 0;
    let rawRate = 0;
    for (let round = 0; round < 3; round++) {
      storeRate += await sequentialRate(
        (i) => store.appendToStream(`appPasswordUsage-${round}-${i % 50}`, [{ id: randomUUID(), type: 'AppPasswordUsed', data, metadata }]),
        count,
      );
      rawRate += await sequentialRate(
        (i) => insert.run(randomUUID(), `appPasswordUsage-${round}-${i}`, 0, 'AppPasswordUsed', JSON.stringify(data), JSON.stringify(metadata)),
        count,
      );
    }
    await store.close();
    raw.close();
    return { store: storeRate / 3, raw: rawRate / 3 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
