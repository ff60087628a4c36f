import type { Position, RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import { SIGN_IN_EVENT_TYPES } from '@keyward/app-passwords/domain';

/** The longest run: a page never reads more than this many events of the store to reach its first. */
export const AUDIT_RUN_MAX = 1000;
const SIGN_INS = new Set(SIGN_IN_EVENT_TYPES);

/**
 * `AuditTrail`: where each tenant's events are in the store, not a copy of them. Every event gets
 * its tenant's next `seq` (from 0, in store order: the tenant's n-th event). Kept per tenant:
 * - `audit_runs`: stretches of consecutive events of the store that are all the tenant's (at most
 *   AUDIT_RUN_MAX each), with the position just before each, so that a page of the trail is read
 *   from the store itself, which holds the events in order;
 * - `audit_lifecycle`: a row per lifecycle event (everything but sign-ins, a few per cent), for
 *   filtering by type, stream and actor without reading the store;
 * - `audit_days`: the first `seq` of each day, where "since" starts reading, and how many events
 *   of each type the day had, for counts that need no reading.
 * A batch commits with its checkpoint, so no event is indexed twice.
 */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  filter: {},
  // 2: an index of the store instead of a copy of each event.
  version: 2,
  tables: ['audit_trail', 'audit_lifecycle', 'audit_runs', 'audit_tenants', 'audit_days', 'audit_day_types', 'audit_state'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_lifecycle (
        tenant_id   TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        stream_id   TEXT NOT NULL,
        revision    INTEGER NOT NULL,
        type        TEXT NOT NULL,
        actor       TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS audit_lifecycle_by_type ON audit_lifecycle (tenant_id, type, seq);
      CREATE INDEX IF NOT EXISTS audit_lifecycle_by_stream ON audit_lifecycle (tenant_id, stream_id, seq);
      CREATE TABLE IF NOT EXISTS audit_runs (
        tenant_id      TEXT NOT NULL,
        first_seq      INTEGER NOT NULL,
        count          INTEGER NOT NULL,
        after_position TEXT,
        PRIMARY KEY (tenant_id, first_seq)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS audit_tenants (tenant_id TEXT PRIMARY KEY, next_seq INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS audit_days (tenant_id TEXT NOT NULL, day TEXT NOT NULL, first_seq INTEGER NOT NULL, PRIMARY KEY (tenant_id, day)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS audit_day_types (
        tenant_id TEXT NOT NULL,
        day       TEXT NOT NULL,
        type      TEXT NOT NULL,
        count     INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, day, type)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS audit_state (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        last_tenant_id TEXT NOT NULL,
        last_position  TEXT NOT NULL,
        run_first_seq  INTEGER NOT NULL,
        run_count      INTEGER NOT NULL
      );`);
  },

  reset(db) {
    db.exec('DELETE FROM audit_lifecycle; DELETE FROM audit_runs; DELETE FROM audit_tenants; DELETE FROM audit_days; DELETE FROM audit_day_types; DELETE FROM audit_state;');
  },

  apply(db, event) {
    indexEvents(db, [event]);
  },

  applyBatch(db, events) {
    indexEvents(db, events);
  },
};

/** The run being extended: the last event indexed was its tenant's. */
interface OpenRun {
  tenantId: string;
  firstSeq: number;
  count: number;
  afterPosition: Position | null;
  lastPosition: Position;
}

function indexEvents(db: ReadModelDatabase, events: readonly RecordedEvent[]): void {
  let run = openRun(db);
  const nextSeq = new Map<string, number>();
  const runs: OpenRun[] = [];
  // tenant → day → { first seq, count per type }: no key strings built per event.
  const days = new Map<string, Map<string, { firstSeq: number; types: Map<string, number> }>>();
  const lifecycle = statement(db, 'INSERT INTO audit_lifecycle VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const event of events) {
    const { tenantId, occurredAt } = event.metadata;
    const seq = nextSeq.get(tenantId) ?? firstFreeSeq(db, tenantId);
    nextSeq.set(tenantId, seq + 1);
    // A run goes on while the store's events are this tenant's, one after the other.
    if (run && run.tenantId === tenantId && run.count < AUDIT_RUN_MAX) {
      run.count += 1;
      run.lastPosition = event.position;
    } else {
      run = { tenantId, firstSeq: seq, count: 1, afterPosition: run?.lastPosition ?? null, lastPosition: event.position };
    }
    if (runs.at(-1) !== run) runs.push(run);
    if (!SIGN_INS.has(event.type)) lifecycle.run(tenantId, seq, event.streamId, event.revision, event.type, event.metadata.actor, occurredAt);
    let tenantDays = days.get(tenantId);
    if (!tenantDays) days.set(tenantId, (tenantDays = new Map()));
    const dayOf = occurredAt.slice(0, 10);
    let day = tenantDays.get(dayOf);
    if (!day) tenantDays.set(dayOf, (day = { firstSeq: seq, types: new Map() }));
    day.types.set(event.type, (day.types.get(event.type) ?? 0) + 1);
  }
  writeIndex(db, nextSeq, runs, run);
  const saveDay = statement(db, 'INSERT INTO audit_days VALUES (?, ?, ?) ON CONFLICT (tenant_id, day) DO UPDATE SET first_seq = min(first_seq, excluded.first_seq)');
  const addDayType = statement(db, 'INSERT INTO audit_day_types VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, day, type) DO UPDATE SET count = count + excluded.count');
  for (const [tenantId, tenantDays] of days) {
    for (const [dayOf, { firstSeq, types }] of tenantDays) {
      saveDay.run(tenantId, dayOf, firstSeq);
      for (const [type, count] of types) addDayType.run(tenantId, dayOf, type, count);
    }
  }
}

function openRun(db: ReadModelDatabase): OpenRun | null {
  const row = statement(db, 'SELECT * FROM audit_state WHERE id = 1').get() as
    | { last_tenant_id: string; last_position: Position; run_first_seq: number; run_count: number }
    | undefined;
  if (!row) return null;
  const stored = statement(db, 'SELECT after_position FROM audit_runs WHERE tenant_id = ? AND first_seq = ?').get(row.last_tenant_id, row.run_first_seq) as
    | { after_position: Position | null }
    | undefined;
  return { tenantId: row.last_tenant_id, firstSeq: row.run_first_seq, count: row.run_count, afterPosition: stored?.after_position ?? null, lastPosition: row.last_position };
}

function firstFreeSeq(db: ReadModelDatabase, tenantId: string): number {
  const row = statement(db, 'SELECT next_seq FROM audit_tenants WHERE tenant_id = ?').get(tenantId) as { next_seq: number } | undefined;
  return row?.next_seq ?? 0;
}

function writeIndex(db: ReadModelDatabase, nextSeq: Map<string, number>, runs: OpenRun[], last: OpenRun | null): void {
  const saveSeq = statement(db, 'INSERT INTO audit_tenants VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET next_seq = excluded.next_seq');
  for (const [tenantId, seq] of nextSeq) saveSeq.run(tenantId, seq);
  const saveRun = statement(db, 'INSERT INTO audit_runs VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, first_seq) DO UPDATE SET count = excluded.count');
  for (const run of runs) saveRun.run(run.tenantId, run.firstSeq, run.count, run.afterPosition);
  if (last) {
    statement(db, 'INSERT OR REPLACE INTO audit_state VALUES (1, ?, ?, ?, ?)').run(last.tenantId, last.lastPosition, last.firstSeq, last.count);
  }
}
