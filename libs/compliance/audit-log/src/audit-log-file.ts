import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { StoredTile, TileSource } from '@keyward/shared/transparency';

/** The transparency logs' file inside the data directory: one tree per tenant, never rewritten. */
export const AUDIT_LOG_FILE = 'audit-log.sqlite';

/** The longest run: locating a leaf never reads more than this many of the store's events before it. */
export const LOG_RUN_MAX = 1000;

/** A stretch of consecutive events of the store that are all one tenant's, and where it starts. */
export interface LogRun {
  readonly firstIndex: number;
  readonly count: number;
  /** The store position just before the run's first event; null at the start of the store. */
  readonly afterPosition: Position | null;
}

/** A checkpoint as signed: the note, and what it commits to. */
export interface SignedCheckpoint {
  readonly tenantId: string;
  readonly size: number;
  readonly rootHash: Buffer;
  readonly note: string;
  /** The verifier key of the key that signed it. */
  readonly verifierKey: string;
  readonly signedAt: string;
}

interface CheckpointRow {
  tenant_id: string;
  size: number;
  root_hash: Buffer;
  note: string;
  key_id: string;
  signed_at: string;
}

/**
 * The audit log's own SQLite file, apart from the disposable read models: a read-model rebuild
 * must never touch a log that auditors hold signed checkpoints of, and a store that deletes old
 * sign-ins (EventStoreDB `$maxAge`) must not change it either. Durable like the event file
 * (`synchronous = FULL`). Per tenant it keeps:
 * - `log_tiles`: the tree's hashes in tiles of height 8 (Go's checksum database keeps its trees
 *   so), 2 hashes per leaf in all; a proof reads O(log n) tiles;
 * - `log_tenants`: the size, and `content_size` (the size up to the last leaf that is not a
 *   checkpoint's own record, so a periodic signer does not sign its own records forever);
 * - `log_runs` and `log_days`: where leaf `i` is in the store, and the first leaf of each day,
 *   so an export starts reading at its first record rather than at the store's beginning;
 * - `log_checkpoints`: every checkpoint signed, with its note.
 */
export class AuditLogFile {
  readonly db: ReadModelDatabase;

  constructor(dataDir: string, fileName = AUDIT_LOG_FILE) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, fileName));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS log_tiles (
        tenant_id TEXT NOT NULL,
        level     INTEGER NOT NULL,
        idx       INTEGER NOT NULL,
        hashes    BLOB NOT NULL,
        PRIMARY KEY (tenant_id, level, idx)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_tenants (
        tenant_id    TEXT PRIMARY KEY,
        size         INTEGER NOT NULL,
        content_size INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_runs (
        tenant_id      TEXT NOT NULL,
        first_index    INTEGER NOT NULL,
        count          INTEGER NOT NULL,
        after_position TEXT,
        PRIMARY KEY (tenant_id, first_index)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_days (
        tenant_id   TEXT NOT NULL,
        day         TEXT NOT NULL,
        first_index INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, day)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_state (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        last_tenant_id TEXT NOT NULL,
        last_position  TEXT NOT NULL,
        run_first      INTEGER NOT NULL,
        run_count      INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS log_checkpoints (
        tenant_id TEXT NOT NULL,
        size      INTEGER NOT NULL,
        root_hash BLOB NOT NULL,
        note      TEXT NOT NULL,
        key_id    TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, size)
      ) WITHOUT ROWID;`);
  }

  /** The tenant's tree as a source of tiles, for appending and for proofs. */
  tiles(tenantId: string): TileSource {
    const read = statement(this.db, 'SELECT hashes FROM log_tiles WHERE tenant_id = ? AND level = ? AND idx = ?');
    return {
      tile: (level, index) => (read.get(tenantId, level, index) as { hashes: Buffer } | undefined)?.hashes ?? null,
    };
  }

  saveTiles(tenantId: string, tiles: readonly StoredTile[]): void {
    const save = statement(this.db, 'INSERT INTO log_tiles VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, level, idx) DO UPDATE SET hashes = excluded.hashes');
    for (const tile of tiles) save.run(tenantId, tile.level, tile.index, tile.hashes);
  }

  /** The tenant's log size (0 for a tenant with no event yet) and its size up to the last leaf that is not a checkpoint record. */
  sizeOf(tenantId: string): { size: number; contentSize: number } {
    const row = statement(this.db, 'SELECT size, content_size FROM log_tenants WHERE tenant_id = ?').get(tenantId) as { size: number; content_size: number } | undefined;
    return { size: row?.size ?? 0, contentSize: row?.content_size ?? 0 };
  }

  saveSize(tenantId: string, size: number, contentSize: number): void {
    statement(this.db, 'INSERT INTO log_tenants VALUES (?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET size = excluded.size, content_size = excluded.content_size').run(
      tenantId,
      size,
      contentSize,
    );
  }

  tenantIds(): string[] {
    return (statement(this.db, 'SELECT tenant_id FROM log_tenants ORDER BY tenant_id').all() as { tenant_id: string }[]).map((row) => row.tenant_id);
  }

  /** The run that holds leaf `index`. */
  runAt(tenantId: string, index: number): LogRun | null {
    const row = statement(this.db, 'SELECT first_index, count, after_position FROM log_runs WHERE tenant_id = ? AND first_index <= ? ORDER BY first_index DESC LIMIT 1').get(
      tenantId,
      index,
    ) as { first_index: number; count: number; after_position: Position | null } | undefined;
    return row && index < row.first_index + row.count ? { firstIndex: row.first_index, count: row.count, afterPosition: row.after_position } : null;
  }

  /** The first leaf of the first day on or after `day` (YYYY-MM-DD); null when there is none. */
  firstIndexOnOrAfter(tenantId: string, day: string): number | null {
    const row = statement(this.db, 'SELECT min(first_index) AS first FROM log_days WHERE tenant_id = ? AND day >= ?').get(tenantId, day) as { first: number | null };
    return row.first;
  }

  latestCheckpoint(tenantId: string): SignedCheckpoint | null {
    const row = statement(this.db, 'SELECT * FROM log_checkpoints WHERE tenant_id = ? ORDER BY size DESC LIMIT 1').get(tenantId) as CheckpointRow | undefined;
    return row ? checkpointOf(row) : null;
  }

  checkpointOfSize(tenantId: string, size: number): SignedCheckpoint | null {
    const row = statement(this.db, 'SELECT * FROM log_checkpoints WHERE tenant_id = ? AND size = ?').get(tenantId, size) as CheckpointRow | undefined;
    return row ? checkpointOf(row) : null;
  }

  saveCheckpoint(checkpoint: SignedCheckpoint): void {
    statement(this.db, 'INSERT OR IGNORE INTO log_checkpoints VALUES (?, ?, ?, ?, ?, ?)').run(
      checkpoint.tenantId,
      checkpoint.size,
      checkpoint.rootHash,
      checkpoint.note,
      checkpoint.verifierKey,
      checkpoint.signedAt,
    );
  }

  close(): void {
    this.db.close();
  }
}

function checkpointOf(row: CheckpointRow): SignedCheckpoint {
  return { tenantId: row.tenant_id, size: row.size, rootHash: row.root_hash, note: row.note, verifierKey: row.key_id, signedAt: row.signed_at };
}
