import type { EventStore, Position, RecordedEvent } from '@keyward/shared/event-store';
import { WhereClause, type ReadModelDatabase } from '@keyward/shared/read-models';

/** A page request's filter, normalised, for one tenant. */
export interface AuditFilter {
  readonly tenantId: string;
  readonly types: readonly string[] | null;
  readonly streamId: string | null;
  readonly actor: string | null;
  readonly occurredAfter: string | null;
  readonly occurredBefore: string | null;
}

/** Events with their place: the tenant's `seq` (or the stream revision, within one stream). */
export interface IndexedPage {
  readonly events: { key: number; event: RecordedEvent }[];
  readonly totalCount: number;
}

interface Run {
  first_seq: number;
  count: number;
  after_position: Position | null;
}

const STREAM_CHUNK = 500;

/** Reads the audit trail: the audit-trail projection's tables say where, the store holds what. */
export class AuditIndex {
  constructor(
    private readonly db: ReadModelDatabase,
    private readonly store: EventStore,
  ) {}

  /** Lifecycle events only: the index filters and counts, the store gives each event. */
  async lifecycle(filter: AuditFilter, fromSeq: number, limit: number): Promise<IndexedPage> {
    const where = new WhereClause('tenant_id = @tenantId', { tenantId: filter.tenantId })
      .when(filter.streamId, 'stream_id = @streamId', 'streamId')
      .when(filter.actor, 'actor = @actor', 'actor')
      .when(filter.occurredAfter, 'occurred_at >= @occurredAfter', 'occurredAfter')
      .when(filter.occurredBefore, 'occurred_at < @occurredBefore', 'occurredBefore');
    if (filter.types) where.always(`type IN (${filter.types.map((_, i) => `@type${i}`).join(', ')})`, Object.fromEntries(filter.types.map((type, i) => [`type${i}`, type])));
    const totalCount = (this.db.prepare(`SELECT count(*) AS n FROM audit_lifecycle WHERE ${where}`).get(where.params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT seq, stream_id, revision FROM audit_lifecycle WHERE ${where} AND seq >= @fromSeq ORDER BY seq LIMIT @limit`)
      .all({ ...where.params, fromSeq, limit }) as { seq: number; stream_id: string; revision: number }[];
    const events = await Promise.all(rows.map((row) => this.eventAt(row.stream_id, row.revision, filter.tenantId)));
    return { events: rows.map((row, index) => ({ key: row.seq, event: events[index] })), totalCount };
  }

  /** One usage stream, read from the store by revision. */
  async inStream(filter: AuditFilter, fromRevision: number, limit: number): Promise<IndexedPage> {
    const stream = filter.streamId as string;
    const events: { key: number; event: RecordedEvent }[] = [];
    let from = BigInt(fromRevision);
    for (;;) {
      const chunk = await this.store.readStream(stream, { fromRevision: from, maxCount: STREAM_CHUNK });
      if (chunk.some((event) => event.metadata.tenantId !== filter.tenantId)) return { events: [], totalCount: 0 };
      for (const event of chunk) if (matches(event, filter) && events.length < limit) events.push({ key: Number(event.revision), event });
      if (events.length >= limit || chunk.length < STREAM_CHUNK) break;
      from = chunk[chunk.length - 1].revision + 1n;
    }
    return { events, totalCount: await this.countInStream(filter) };
  }

  /** Anything: the tenant's runs of the store from `fromSeq`, read and filtered page by page. */
  async inLog(filter: AuditFilter, fromSeq: number, limit: number): Promise<IndexedPage> {
    const events: { key: number; event: RecordedEvent }[] = [];
    await this.walk(filter, Math.max(fromSeq, this.dayStart(filter)), (seq, event) => {
      if (matches(event, filter)) events.push({ key: seq, event });
      return events.length < limit;
    });
    return { events, totalCount: await this.countInLog(filter) };
  }

  private async countInStream(filter: AuditFilter): Promise<number> {
    const stream = filter.streamId as string;
    if (!filter.types && !filter.actor && !filter.occurredAfter && !filter.occurredBefore) {
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      return last && last.metadata.tenantId === filter.tenantId ? Number(last.revision) + 1 : 0;
    }
    let count = 0;
    for (let from = 0n; ; ) {
      const chunk = await this.store.readStream(stream, { fromRevision: from, maxCount: STREAM_CHUNK });
      count += chunk.filter((event) => event.metadata.tenantId === filter.tenantId && matches(event, filter)).length;
      if (chunk.length < STREAM_CHUNK) return count;
      from = chunk[chunk.length - 1].revision + 1n;
    }
  }

  /** Exact: from the tenant's totals or daily counts when the filter allows, else by reading the log. */
  private async countInLog(filter: AuditFilter): Promise<number> {
    const isAligned = (instant: string | null) => instant === null || instant.endsWith('T00:00:00.000Z');
    if (!filter.types && !filter.actor && !filter.occurredAfter && !filter.occurredBefore) {
      const row = this.db.prepare('SELECT next_seq FROM audit_tenants WHERE tenant_id = ?').get(filter.tenantId) as { next_seq: number } | undefined;
      return row?.next_seq ?? 0;
    }
    if (!filter.actor && isAligned(filter.occurredAfter) && isAligned(filter.occurredBefore)) {
      const where = new WhereClause('tenant_id = @tenantId', { tenantId: filter.tenantId })
        .when(filter.occurredAfter?.slice(0, 10), 'day >= @from', 'from')
        .when(filter.occurredBefore?.slice(0, 10), 'day < @to', 'to');
      if (filter.types) where.always(`type IN (${filter.types.map((_, i) => `@type${i}`).join(', ')})`, Object.fromEntries(filter.types.map((type, i) => [`type${i}`, type])));
      return (this.db.prepare(`SELECT coalesce(sum(count), 0) AS n FROM audit_day_types WHERE ${where}`).get(where.params) as { n: number }).n;
    }
    let count = 0;
    await this.walk(filter, this.dayStart(filter), (_seq, event) => {
      if (matches(event, filter)) count++;
      return true;
    });
    return count;
  }

  /** Hands each event of the tenant from `fromSeq` on, in order, to `visit` until it returns false. */
  private async walk(filter: AuditFilter, fromSeq: number, visit: (seq: number, event: RecordedEvent) => boolean): Promise<void> {
    // Runs are fetched a few at a time, not iterated: the connection must stay free while the store is read.
    const nextRuns = this.db.prepare('SELECT first_seq, count, after_position FROM audit_runs WHERE tenant_id = ? AND first_seq + count > ? ORDER BY first_seq LIMIT 50');
    for (let from = fromSeq; ; ) {
      const runs = nextRuns.all(filter.tenantId, from) as Run[];
      if (runs.length === 0) return;
      for (const run of runs) {
        const events = await this.store.readAll({ after: run.after_position ?? undefined, maxCount: run.count });
        for (const [offset, event] of events.entries()) {
          // Events the store no longer holds (retention) end a run early: the next event is another's.
          if (event.metadata.tenantId !== filter.tenantId) break;
          const seq = run.first_seq + offset;
          if (seq >= fromSeq && !visit(seq, event)) return;
        }
        from = run.first_seq + run.count;
      }
    }
  }

  /** No event of an earlier day can have happened after `occurredAfter`: start at that day's first. */
  private dayStart(filter: AuditFilter): number {
    if (!filter.occurredAfter) return 0;
    const row = this.db.prepare('SELECT min(first_seq) AS seq FROM audit_days WHERE tenant_id = ? AND day >= ?').get(filter.tenantId, filter.occurredAfter.slice(0, 10)) as {
      seq: number | null;
    };
    return row.seq ?? Number.MAX_SAFE_INTEGER;
  }

  private async eventAt(streamId: string, revision: number, tenantId: string): Promise<RecordedEvent> {
    const [event] = await this.store.readStream(streamId, { fromRevision: BigInt(revision), maxCount: 1 });
    if (!event || event.metadata.tenantId !== tenantId) throw new Error(`The audit index names ${streamId}@${revision}, which the store does not hold`);
    return event;
  }
}

function matches(event: RecordedEvent, filter: AuditFilter): boolean {
  return (
    (!filter.types || filter.types.includes(event.type)) &&
    (!filter.actor || event.metadata.actor === filter.actor) &&
    (!filter.occurredAfter || event.metadata.occurredAt >= filter.occurredAfter) &&
    (!filter.occurredBefore || event.metadata.occurredAt < filter.occurredBefore)
  );
}
