import type { EventStore } from '@keyward/shared/event-store';
import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import { appPasswordUsageStreamId, type AppPasswordUsageEvent } from '@keyward/app-passwords/domain';
import type { DayCounts } from './usage-history.projection';

interface MonthRow {
  app_password_id: string;
  source_ip: string;
  month: string;
  days: number;
  first_seen: string;
  last_seen: string;
}

const DAY_MS = 86_400_000;
const CHUNK = 200;

/**
 * The credentials of a tenant tried from an address range (one address or a CIDR block), at
 * least once within [after, before) when given. Days wholly inside the window are decided by the
 * monthly address rows; a day the window cuts through is decided by the first or last time of
 * the month when one of them falls inside, else by reading that day of the credential's usage
 * stream from the store. Exact, and cheap for the narrow ranges incidents are about.
 */
export async function credentialsUsedFrom(
  db: ReadModelDatabase,
  store: EventStore,
  tenantId: string,
  range: { from: string; to: string },
  after: string | null,
  before: string | null,
): Promise<string[]> {
  const rows = statement(
    db,
    `SELECT app_password_id, source_ip, month, days, first_seen, last_seen FROM usage_address_months
     WHERE tenant_id = ? AND address_key BETWEEN ? AND ? AND month >= ? AND month <= ?`,
  ).all(tenantId, range.from, range.to, after?.slice(0, 7) ?? '0000-00', before?.slice(0, 7) ?? '9999-99') as MonthRow[];
  const matched = new Set<string>();
  const toConfirm: { row: MonthRow; day: string }[] = [];
  for (const row of rows) {
    if (matched.has(row.app_password_id)) continue;
    const inWindow = (at: string) => (!after || at >= after) && (!before || at < before);
    if (inWindow(row.first_seen) || inWindow(row.last_seen)) {
      matched.add(row.app_password_id);
      continue;
    }
    for (const day of daysOf(row)) {
      const start = `${day}T00:00:00.000Z`;
      const end = new Date(Date.parse(start) + DAY_MS).toISOString();
      if ((after && end <= after) || (before && start >= before)) continue;
      if ((!after || start >= after) && (!before || end <= before)) {
        matched.add(row.app_password_id);
        break;
      }
      toConfirm.push({ row, day });
    }
  }
  for (const { row, day } of toConfirm) {
    if (!matched.has(row.app_password_id) && (await wasTriedOn(db, store, row, day, after, before))) matched.add(row.app_password_id);
  }
  return [...matched];
}

function daysOf(row: MonthRow): string[] {
  const days: string[] = [];
  for (let bit = 0; bit < 31; bit++) if (row.days & (1 << bit)) days.push(`${row.month}-${String(bit + 1).padStart(2, '0')}`);
  return days;
}

/** Reads the credential's attempts of that day from the store, newest first, for one from the address inside the window. */
async function wasTriedOn(db: ReadModelDatabase, store: EventStore, row: MonthRow, day: string, after: string | null, before: string | null): Promise<boolean> {
  const month = statement(db, 'SELECT days FROM usage_monthly WHERE app_password_id = ? AND month = ?').get(row.app_password_id, row.month) as { days: string } | undefined;
  const last = month ? (JSON.parse(month.days) as DayCounts[])[Number(day.slice(8, 10)) - 1][2] : -1;
  if (last < 0) return false;
  const floor = [after ?? '', `${day}T00:00:00.000Z`].sort()[1];
  for (let from = BigInt(last); from >= 0n; ) {
    const chunk = await store.readStream(appPasswordUsageStreamId(row.app_password_id), { direction: 'backwards', fromRevision: from, maxCount: CHUNK });
    for (const event of chunk as unknown as (AppPasswordUsageEvent & { metadata: { occurredAt: string }; revision: bigint })[]) {
      const at = event.metadata.occurredAt;
      if (at < floor) return false;
      if (event.data.sourceIp === row.source_ip && (!before || at < before) && (!after || at >= after)) return true;
    }
    if (chunk.length < CHUNK) return false;
    from = chunk[chunk.length - 1].revision - 1n;
  }
  return false;
}
