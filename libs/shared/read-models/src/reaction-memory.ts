import type { ReadModelDatabase } from './read-model-database';
import { statement } from './statement-cache';

/** A value, and when it may be dropped (ms, compared with what `expire` is given), or null to keep it. */
export interface ReactionMemoryEntry {
  readonly value: unknown;
  readonly expiresAt: number | null;
}

type Change = ReactionMemoryEntry | null;

/**
 * A reaction's working state (a detector's recent failures per account, say), as JSON values by
 * key in the read-model database. A batch reads and changes it through a ReactionMemoryBatch and
 * writes the changes in the transaction that moves the reaction's checkpoint, so the state and
 * the checkpoint never disagree: after a crash, the events past the checkpoint meet the state
 * they first met. Node-local and disposable, like the read models: gone, it is rebuilt by a
 * replay from the first event.
 */
export class ReactionMemory {
  constructor(
    private readonly db: ReadModelDatabase,
    /** The reaction's name: its entries are kept under it. */
    readonly owner: string,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reaction_memory (
        owner      TEXT NOT NULL,
        key        TEXT NOT NULL,
        value      TEXT NOT NULL,
        expires_at INTEGER,
        PRIMARY KEY (owner, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS reaction_memory_by_expiry ON reaction_memory (owner, expires_at) WHERE expires_at IS NOT NULL;`);
  }

  /** A batch's view: the committed state, with the batch's own changes on top. */
  begin(): ReactionMemoryBatch {
    return new ReactionMemoryBatch(this.db, this.owner);
  }

  /** Entries kept, for tests and figures. */
  size(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM reaction_memory WHERE owner = ?').get(this.owner) as { n: number }).n;
  }

  /** Forgets everything: the reaction starts from nothing (with its checkpoint reset too). */
  clear(): void {
    statement(this.db, 'DELETE FROM reaction_memory WHERE owner = ?').run(this.owner);
  }
}

/** Reads and changes of one batch; nothing reaches the database before `write`. */
export class ReactionMemoryBatch {
  private readonly changes = new Map<string, Change>();
  private readonly committed = new Map<string, ReactionMemoryEntry | undefined>();

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly owner: string,
  ) {}

  /** The entry under `key` (the batch's own change, if it made one), or undefined. */
  get(key: string): ReactionMemoryEntry | undefined {
    const change = this.changes.get(key);
    if (change !== undefined) return change ?? undefined;
    if (this.committed.has(key)) return this.committed.get(key);
    const row = statement(this.db, 'SELECT value, expires_at FROM reaction_memory WHERE owner = ? AND key = ?').get(this.owner, key) as
      | { value: string; expires_at: number | null }
      | undefined;
    const entry = row ? { value: JSON.parse(row.value), expiresAt: row.expires_at } : undefined;
    this.committed.set(key, entry);
    return entry;
  }

  /** `expiresAt`: when the entry may be dropped (ms; see `expire`), or null to keep it. */
  set(key: string, value: unknown, expiresAt: number | null): void {
    this.changes.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.changes.set(key, null);
  }

  /** How many entries the batch changed. */
  get changed(): number {
    return this.changes.size;
  }

  /** Writes the batch's changes; run it inside the transaction that moves the checkpoint. */
  write(): void {
    const upsert = statement(
      this.db,
      'INSERT INTO reaction_memory (owner, key, value, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
    );
    const remove = statement(this.db, 'DELETE FROM reaction_memory WHERE owner = ? AND key = ?');
    for (const [key, change] of this.changes) {
      if (change === null) remove.run(this.owner, key);
      else upsert.run(this.owner, key, JSON.stringify(change.value), change.expiresAt);
    }
  }

  /** Drops the entries whose expiry is before `at`; inside the same transaction as `write`. */
  expire(at: number): number {
    return statement(this.db, 'DELETE FROM reaction_memory WHERE owner = ? AND expires_at < ?').run(this.owner, at).changes;
  }
}
