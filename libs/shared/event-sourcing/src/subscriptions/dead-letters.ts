import type { Position, RecordedEvent } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';

/** An event a subscriber gave up on after repeated failures; kept for an admin to see and retry. */
export interface DeadLetter {
  readonly id: number;
  readonly subscriber: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly tenantId: string;
  readonly occurredAt: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly parkedAt: string;
}

interface DeadLetterRow {
  id: number;
  subscriber: string;
  event_id: string;
  stream_id: string;
  type: string;
  tenant_id: string;
  occurred_at: string;
  attempts: number;
  last_error: string;
  parked_at: string;
  event: string;
}

const MAX_ERROR_LENGTH = 500;

/**
 * The failure book of this node's subscribers, in the read-model database: how often the event a
 * subscriber is stuck on has failed (kept across restarts, so a restart does not reset the count),
 * and the dead letters it parked. The whole event is kept with a dead letter so it can be retried;
 * only the columns above ever leave the server.
 */
export class DeadLetters {
  constructor(private readonly db: ReadModelDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS subscriber_failures (
        subscriber TEXT PRIMARY KEY,
        event_id   TEXT NOT NULL,
        attempts   INTEGER NOT NULL,
        last_error TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS dead_letters (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        subscriber  TEXT NOT NULL,
        event_id    TEXT NOT NULL,
        stream_id   TEXT NOT NULL,
        type        TEXT NOT NULL,
        tenant_id   TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        attempts    INTEGER NOT NULL,
        last_error  TEXT NOT NULL,
        parked_at   TEXT NOT NULL,
        event       TEXT NOT NULL,
        UNIQUE (subscriber, event_id)
      );
      CREATE INDEX IF NOT EXISTS dead_letters_by_tenant ON dead_letters (tenant_id, id);`);
  }

  /** Counts one more failed attempt at `event`; returns the attempts so far (a different event starts at 1). */
  recordFailure(subscriber: string, event: RecordedEvent, error: unknown): number {
    const row = statement(this.db, 'SELECT event_id, attempts FROM subscriber_failures WHERE subscriber = ?').get(subscriber) as
      | { event_id: string; attempts: number }
      | undefined;
    const attempts = row?.event_id === event.id ? row.attempts + 1 : 1;
    statement(this.db, 'INSERT OR REPLACE INTO subscriber_failures VALUES (?, ?, ?, ?)').run(subscriber, event.id, attempts, describe(error));
    return attempts;
  }

  clearFailure(subscriber: string): void {
    statement(this.db, 'DELETE FROM subscriber_failures WHERE subscriber = ?').run(subscriber);
  }

  /** Parks the event; the caller moves its checkpoint past it in the same transaction. */
  park(subscriber: string, event: RecordedEvent, attempts: number, error: unknown, now: Date): void {
    statement(
      this.db,
      `INSERT OR REPLACE INTO dead_letters (subscriber, event_id, stream_id, type, tenant_id, occurred_at, attempts, last_error, parked_at, event)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      subscriber,
      event.id,
      event.streamId,
      event.type,
      event.metadata.tenantId,
      event.metadata.occurredAt,
      attempts,
      describe(error),
      now.toISOString(),
      JSON.stringify({ ...event, revision: event.revision.toString() }),
    );
    this.clearFailure(subscriber);
  }

  /** Dead letters, oldest first; only the tenant's when `tenantId` is given. */
  list(tenantId?: string): DeadLetter[] {
    const rows = (
      tenantId === undefined
        ? statement(this.db, 'SELECT * FROM dead_letters ORDER BY id').all()
        : statement(this.db, 'SELECT * FROM dead_letters WHERE tenant_id = ? ORDER BY id').all(tenantId)
    ) as DeadLetterRow[];
    return rows.map(toDeadLetter);
  }

  count(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM dead_letters').get() as { n: number }).n;
  }

  /** The dead letter and its event, for a retry. */
  find(id: number): { deadLetter: DeadLetter; event: RecordedEvent } | null {
    const row = statement(this.db, 'SELECT * FROM dead_letters WHERE id = ?').get(id) as DeadLetterRow | undefined;
    if (!row) return null;
    const stored = JSON.parse(row.event) as Omit<RecordedEvent, 'revision' | 'position'> & { revision: string; position: string };
    return { deadLetter: toDeadLetter(row), event: { ...stored, revision: BigInt(stored.revision), position: stored.position as Position } };
  }

  /** After a failed retry: one more attempt, and the newest error. */
  recordRetryFailure(id: number, error: unknown): void {
    statement(this.db, 'UPDATE dead_letters SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(describe(error), id);
  }

  remove(id: number): void {
    statement(this.db, 'DELETE FROM dead_letters WHERE id = ?').run(id);
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    subscriber: row.subscriber,
    eventId: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    tenantId: row.tenant_id,
    occurredAt: row.occurred_at,
    attempts: row.attempts,
    lastError: row.last_error,
    parkedAt: row.parked_at,
  };
}
