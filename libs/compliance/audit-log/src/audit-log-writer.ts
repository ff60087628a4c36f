import type { Position, RecordedEvent } from '@keyward/shared/event-store';
import type { SaveCheckpoint, SubscriberHandler } from '@keyward/shared/event-sourcing';
import { statement } from '@keyward/shared/read-models';
import { appendLeaves, leafHash } from '@keyward/shared/transparency';
import { auditRecordBytes, auditRecordOf } from '@keyward/compliance/domain';
import { LOG_RUN_MAX, type AuditLogFile } from './audit-log-file';

/** The record of a signed checkpoint: in the log like every event, but no reason to sign again. */
export const CHECKPOINT_SIGNED = 'AuditCheckpointSigned';
export const checkpointStreamId = (tenantId: string) => `auditCheckpoints-${tenantId}`;

interface OpenRun {
  tenantId: string;
  firstIndex: number;
  count: number;
  afterPosition: Position | null;
  lastPosition: Position;
}

interface TenantAppend {
  size: number;
  contentSize: number;
  leaves: Buffer[];
}

/**
 * Keeps every tenant's transparency log from the store: leaf `i` is the audit record of the
 * tenant's `i`-th event, in store order. A batch is appended in one transaction with the
 * subscriber's checkpoint, so no event is a leaf twice and none is skipped; the host never parks
 * an event of this subscriber (a gap would break every later proof), it retries.
 */
export class AuditLogWriter implements SubscriberHandler {
  readonly name = 'audit-log';
  readonly filter = {};
  readonly isBatched = true;

  constructor(private readonly file: AuditLogFile) {}

  handle(events: readonly RecordedEvent[], save: SaveCheckpoint): void {
    if (events.length === 0) return;
    this.file.db.transaction(() => {
      this.append(events);
      save(events[events.length - 1].position);
    })();
  }

  private append(events: readonly RecordedEvent[]): void {
    const tenants = new Map<string, TenantAppend>();
    const days = new Map<string, number>();
    const runs: OpenRun[] = [];
    let run = this.openRun();
    for (const event of events) {
      const tenantId = event.metadata?.tenantId;
      // Events of no tenant (none are written today) are in no tenant's log.
      if (!tenantId) continue;
      let tenant = tenants.get(tenantId);
      if (!tenant) {
        const { size, contentSize } = this.file.sizeOf(tenantId);
        tenants.set(tenantId, (tenant = { size, contentSize, leaves: [] }));
      }
      const index = tenant.size + tenant.leaves.length;
      tenant.leaves.push(leafHash(auditRecordBytes(auditRecordOf(event))));
      if (event.type !== CHECKPOINT_SIGNED) tenant.contentSize = index + 1;
      if (run && run.tenantId === tenantId && run.count < LOG_RUN_MAX) {
        run.count += 1;
        run.lastPosition = event.position;
      } else {
        run = { tenantId, firstIndex: index, count: 1, afterPosition: run?.lastPosition ?? null, lastPosition: event.position };
      }
      if (runs.at(-1) !== run) runs.push(run);
      const dayKey = `${tenantId} ${event.metadata.occurredAt.slice(0, 10)}`;
      if (!days.has(dayKey)) days.set(dayKey, index);
    }
    for (const [tenantId, tenant] of tenants) {
      const appended = appendLeaves(this.file.tiles(tenantId), tenant.size, tenant.leaves);
      this.file.saveTiles(tenantId, appended.tiles);
      this.file.saveSize(tenantId, appended.size, tenant.contentSize);
    }
    const db = this.file.db;
    const saveRun = statement(db, 'INSERT INTO log_runs VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, first_index) DO UPDATE SET count = excluded.count');
    for (const each of runs) saveRun.run(each.tenantId, each.firstIndex, each.count, each.afterPosition);
    if (run) statement(db, 'INSERT OR REPLACE INTO log_state VALUES (1, ?, ?, ?, ?)').run(run.tenantId, run.lastPosition, run.firstIndex, run.count);
    const saveDay = statement(db, 'INSERT INTO log_days VALUES (?, ?, ?) ON CONFLICT (tenant_id, day) DO UPDATE SET first_index = min(first_index, excluded.first_index)');
    for (const [key, index] of days) {
      const [tenantId, day] = key.split(' ');
      saveDay.run(tenantId, day, index);
    }
  }

  /** The run the last event extended, to go on with it. */
  private openRun(): OpenRun | null {
    const row = statement(this.file.db, 'SELECT * FROM log_state WHERE id = 1').get() as
      | { last_tenant_id: string; last_position: Position; run_first: number; run_count: number }
      | undefined;
    if (!row) return null;
    const stored = statement(this.file.db, 'SELECT after_position FROM log_runs WHERE tenant_id = ? AND first_index = ?').get(row.last_tenant_id, row.run_first) as
      | { after_position: Position | null }
      | undefined;
    return { tenantId: row.last_tenant_id, firstIndex: row.run_first, count: row.run_count, afterPosition: stored?.after_position ?? null, lastPosition: row.last_position };
  }
}
