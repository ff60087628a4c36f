import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { StoredTile, TileSource } from '@keyward/shared/transparency';

/** The transparency logs' file inside the data directory: one tree per tenant, never rewritten. */
export const AUDIT_LOG_FILE = 'audit-log.sqlite';

/**
 * A leaf's row id in `log_leaves`: the tenant's number times 2^36, plus the leaf's index. Each
 * tenant's leaves are one range of SQLite's integer key (the fastest thing it reads in order), up
 * to 2^36 leaves per tenant and 2^17 tenants per file, inside JavaScript's exact integers.
 */
const LEAVES_PER_TENANT = 2 ** 36;
export const MAX_LOG_TENANTS = 2 ** 17 - 1;
/** What `PRAGMA user_version` says of a log file that keeps its leaves' records. */
const FILE_VERSION = 1;

/** A log file this version cannot read (kept before the log held its records). */
export class AuditLogFileError extends Error {}

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
 * - `log_leaves`: every leaf's record (its canonical JSON), as a transparency log keeps its
 *   entries (the Go checksum database's data tiles): an export reads them in key order, never
 *   the store, and a store that deletes old events does not take them from the log;
 * - `log_tiles`: the tree's hashes in tiles of height 8 (Go's checksum database keeps its trees
 *   so), 2 hashes per leaf in all; a proof reads O(log n) tiles;
 * - `log_tenants`: the tenant's number (its leaves' key range), the size, and `content_size` (the
 *   size up to the last leaf that is not a checkpoint's own record, so a periodic signer does not
 *   sign its own records forever);
 * - `log_days`: the first leaf of each day, so an export of a time span starts at its first record;
 * - `log_checkpoints`: every checkpoint signed, with its note.
 */
export class AuditLogFile {
  readonly db: ReadModelDatabase;

  /** `readOnly`: a reader's own connection (an export worker's), which never writes or creates the file. */
  constructor(dataDir: string, { fileName = AUDIT_LOG_FILE, readOnly = false }: { fileName?: string; readOnly?: boolean } = {}) {
    if (readOnly) {
      this.db = new Database(join(dataDir, fileName), { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      return;
    }
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, fileName));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const hasTables = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'log_tenants'").get() !== undefined;
    if (version !== FILE_VERSION && hasTables) {
      this.db.close();
      throw new AuditLogFileError(
        `${join(dataDir, fileName)} was written by an older Keyward, which kept no records in it. Move it aside and start again: the log is rebuilt from the event store, with the same root where the store still holds every event.`,
      );
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS log_leaves (
        id     INTEGER PRIMARY KEY,
        record TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS log_tiles (
        tenant_id TEXT NOT NULL,
        level     INTEGER NOT NULL,
        idx       INTEGER NOT NULL,
        hashes    BLOB NOT NULL,
        PRIMARY KEY (tenant_id, level, idx)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_tenants (
        tenant_id    TEXT PRIMARY KEY,
        num          INTEGER NOT NULL UNIQUE,
        size         INTEGER NOT NULL,
        content_size INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_days (
        tenant_id   TEXT NOT NULL,
        day         TEXT NOT NULL,
        first_index INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, day)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS log_checkpoints (
        tenant_id TEXT NOT NULL,
        size      INTEGER NOT NULL,
        root_hash BLOB NOT NULL,
        note      TEXT NOT NULL,
        key_id    TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, size)
      ) WITHOUT ROWID;`);
    if (version !== FILE_VERSION) this.db.pragma(`user_version = ${FILE_VERSION}`);
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

  /** The tenant's number, its leaves' key range; a tenant's first leaf gives it the next one. */
  numberOf(tenantId: string): number {
    const row = statement(this.db, 'SELECT num FROM log_tenants WHERE tenant_id = ?').get(tenantId) as { num: number } | undefined;
    if (row) return row.num;
    const { next } = statement(this.db, 'SELECT coalesce(max(num), 0) + 1 AS next FROM log_tenants').get() as { next: number };
    if (next > MAX_LOG_TENANTS) throw new AuditLogFileError(`An audit-log file holds at most ${MAX_LOG_TENANTS} tenants.`);
    statement(this.db, 'INSERT INTO log_tenants VALUES (?, ?, 0, 0)').run(tenantId, next);
    return next;
  }

  /** Records the tenant's new size (its row exists: `numberOf` made it). */
  saveSize(tenantId: string, size: number, contentSize: number): void {
    statement(this.db, 'UPDATE log_tenants SET size = ?, content_size = ? WHERE tenant_id = ?').run(size, contentSize, tenantId);
  }

  /** The records of the tenant (number `num`) from leaf `firstIndex` on. */
  saveLeaves(num: number, firstIndex: number, records: readonly string[]): void {
    const save = statement(this.db, 'INSERT INTO log_leaves VALUES (?, ?)');
    for (let i = 0; i < records.length; i++) save.run(num * LEAVES_PER_TENANT + firstIndex + i, records[i]);
  }

  /** At most `limit` records of the tenant's leaves `from` ≤ i < `to`, in order (fewer at the end of the log). */
  leaves(tenantId: string, from: number, to: number, limit: number): string[] {
    const row = statement(this.db, 'SELECT num FROM log_tenants WHERE tenant_id = ?').get(tenantId) as { num: number } | undefined;
    if (!row) return [];
    const base = row.num * LEAVES_PER_TENANT;
    const read = statement(this.db, 'SELECT record FROM log_leaves WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').pluck();
    return read.all(base + from, base + Math.min(to, LEAVES_PER_TENANT), limit) as string[];
  }

  tenantIds(): string[] {
    return (statement(this.db, 'SELECT tenant_id FROM log_tenants ORDER BY tenant_id').all() as { tenant_id: string }[]).map((row) => row.tenant_id);
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
