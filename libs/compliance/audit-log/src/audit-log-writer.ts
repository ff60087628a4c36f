import type { RecordedEvent } from '@keyward/shared/event-store';
import type { SaveCheckpoint, SubscriberHandler } from '@keyward/shared/event-sourcing';
import { statement } from '@keyward/shared/read-models';
import { appendLeaves } from '@keyward/shared/transparency';
import { auditRecordJson, auditRecordOf } from '@keyward/compliance/domain';
import type { AuditLogFile } from './audit-log-file';
import { leafHashOfJson } from './leaf-hash';

/** The record of a signed checkpoint: in the log like every event, but no reason to sign again. */
export const CHECKPOINT_SIGNED = 'AuditCheckpointSigned';
export const checkpointStreamId = (tenantId: string) => `auditCheckpoints-${tenantId}`;

interface TenantAppend {
  num: number;
  size: number;
  contentSize: number;
  records: string[];
  hashes: Buffer[];
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
    for (const event of events) {
      const tenantId = event.metadata?.tenantId;
      // Events of no tenant (none are written today) are in no tenant's log.
      if (!tenantId) continue;
      let tenant = tenants.get(tenantId);
      if (!tenant) {
        const num = this.file.numberOf(tenantId);
        const { size, contentSize } = this.file.sizeOf(tenantId);
        tenants.set(tenantId, (tenant = { num, size, contentSize, records: [], hashes: [] }));
      }
      const index = tenant.size + tenant.records.length;
      const record = auditRecordJson(auditRecordOf(event));
      tenant.records.push(record);
      tenant.hashes.push(leafHashOfJson(record));
      if (event.type !== CHECKPOINT_SIGNED) tenant.contentSize = index + 1;
      const dayKey = `${tenantId} ${event.metadata.occurredAt.slice(0, 10)}`;
      if (!days.has(dayKey)) days.set(dayKey, index);
    }
    for (const [tenantId, tenant] of tenants) {
      this.file.saveLeaves(tenant.num, tenant.size, tenant.records);
      const appended = appendLeaves(this.file.tiles(tenantId), tenant.size, tenant.hashes);
      this.file.saveTiles(tenantId, appended.tiles);
      this.file.saveSize(tenantId, appended.size, tenant.contentSize);
    }
    const saveDay = statement(this.file.db, 'INSERT INTO log_days VALUES (?, ?, ?) ON CONFLICT (tenant_id, day) DO UPDATE SET first_index = min(first_index, excluded.first_index)');
    for (const [key, index] of days) {
      const [tenantId, day] = key.split(' ');
      saveDay.run(tenantId, day, index);
    }
  }
}
