import type { RecordedEvent } from '@keyward/shared/event-store';
import type { UserEvent } from '@keyward/identity/domain';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import { addressKey, type AppPasswordUsageEvent, type AppPasswordUsageStreamEvent, type SignInFailed, type SignInFailuresSummarized } from '@keyward/app-passwords/domain';

type Handled = RecordedEvent & (AppPasswordUsageStreamEvent | SignInFailed | SignInFailuresSummarized);

/**
 * `UsageHistory`: what screens need of the sign-in attempts, without a copy of each of them (the
 * store keeps every attempt, in order, in its credential's usage stream; timelines read it there).
 * Kept here, folded per batch so that a batch writes each row once:
 * - `usage_monthly`: per credential and month, for each day of the month its uses, rejections and
 *   the last revision of the usage stream that day (where a timeline starts reading the stream);
 *   a month to a row, so a busy credential costs one write per batch, not one per day;
 * - `usage_addresses`: per credential and source address, first and last seen, uses, rejections;
 * - `usage_address_months`: per credential, source address and month, the days it was tried from
 *   there (a bitmask) and the first and last time that month, by a sortable key of the address
 *   so a CIDR block is a range (incident response: "used from 203.0.113.0/24 since Monday");
 * - `usage_tenant_daily`: per tenant and UTC day, attempts by outcome and protocol or reason (the
 *   dashboard's plots);
 * - `usage_rejections`: one row per refused attempt (4 % of them; "why did my client fail?", the
 *   dashboard's last 24 hours, and failures that named a user but matched no credential), and one
 *   per summary of unknown names' failures, with its number of `attempts`;
 * - `usage_client_names`: the client names reported after a use (`AppPasswordClientIdentified`, a
 *   mail client's `EHLO`), by the use's stream and revision, for timelines to show with the use.
 * A batch commits with its checkpoint, so no event is counted twice.
 */
export const usageHistoryProjection: Projection = {
  name: 'usage-history',
  // user-: an erased user's name leaves the rejections (docs/compliance.md).
  filter: { streamPrefixes: ['appPasswordUsage-', 'signInFailures-', 'user-'] },
  // 2: no row per attempt; monthly counts with stream revisions, and rejections only. 3: addresses
  // by month. 4: those kept in address order (the only order they are read in), without an index.
  // 5: rejections with their number of attempts (a summary of unknown names' failures has many).
  version: 5,
  tables: ['usage_history', 'usage_hourly', 'usage_monthly', 'usage_addresses', 'usage_address_months', 'usage_tenant_daily', 'usage_rejections', 'usage_client_names'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS usage_monthly (
        app_password_id TEXT NOT NULL,
        month           TEXT NOT NULL,
        tenant_id       TEXT NOT NULL,
        user_id         TEXT NOT NULL,
        uses            INTEGER NOT NULL,
        rejections      INTEGER NOT NULL,
        days            TEXT NOT NULL,
        PRIMARY KEY (app_password_id, month)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS usage_addresses (
        app_password_id TEXT NOT NULL,
        source_ip       TEXT NOT NULL,
        first_seen      TEXT NOT NULL,
        last_seen       TEXT NOT NULL,
        uses            INTEGER NOT NULL,
        rejections      INTEGER NOT NULL,
        PRIMARY KEY (app_password_id, source_ip)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS usage_address_months (
        app_password_id TEXT NOT NULL,
        address_key     TEXT NOT NULL,
        month           TEXT NOT NULL,
        tenant_id       TEXT NOT NULL,
        source_ip       TEXT NOT NULL,
        days            INTEGER NOT NULL,
        first_seen      TEXT NOT NULL,
        last_seen       TEXT NOT NULL,
        PRIMARY KEY (tenant_id, address_key, month, app_password_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS usage_tenant_daily (
        tenant_id TEXT NOT NULL,
        day       TEXT NOT NULL,
        outcome   TEXT NOT NULL,
        detail    TEXT NOT NULL,
        count     INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, day, outcome, detail)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS usage_rejections (
        stream              TEXT NOT NULL,
        revision            INTEGER NOT NULL,
        tenant_id           TEXT NOT NULL,
        app_password_id     TEXT,
        user_id             TEXT,
        user_principal_name TEXT,
        occurred_at         TEXT NOT NULL,
        reason              TEXT NOT NULL,
        protocol            TEXT,
        source_ip           TEXT,
        client              TEXT,
        attempts            INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (stream, revision)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS usage_rejections_by_credential ON usage_rejections (app_password_id, occurred_at) WHERE app_password_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS usage_rejections_by_user ON usage_rejections (user_id, occurred_at) WHERE user_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS usage_rejections_by_principal ON usage_rejections (user_principal_name, occurred_at) WHERE user_id IS NULL;
      CREATE INDEX IF NOT EXISTS usage_rejections_by_tenant ON usage_rejections (tenant_id, occurred_at, attempts);
      CREATE TABLE IF NOT EXISTS usage_client_names (
        stream   TEXT NOT NULL,
        revision INTEGER NOT NULL,
        client   TEXT NOT NULL,
        PRIMARY KEY (stream, revision)
      ) WITHOUT ROWID;`);
  },

  reset(db) {
    db.exec('DELETE FROM usage_monthly; DELETE FROM usage_addresses; DELETE FROM usage_address_months; DELETE FROM usage_tenant_daily; DELETE FROM usage_rejections; DELETE FROM usage_client_names;');
  },

  apply(db, event) {
    applyUsage(db, [event]);
  },

  applyBatch(db, events) {
    applyUsage(db, events);
  },
};

/** One day of a credential's month: uses, rejections, and the usage stream's last revision that day (-1: none). */
export type DayCounts = [uses: number, rejections: number, lastRevision: number];

interface Month {
  appPasswordId: string;
  month: string;
  tenantId: string;
  userId: string;
  /** Index 0 is the 1st of the month. */
  days: DayCounts[];
}

interface Address {
  appPasswordId: string;
  tenantId: string;
  sourceIp: string;
  firstSeen: string;
  lastSeen: string;
  uses: number;
  rejections: number;
  /** Per month (`YYYY-MM`): the days tried from here (bit 0 is the 1st), the first and last time. */
  months: Map<string, { days: number; firstSeen: string; lastSeen: string }>;
}

/** Folds the batch in memory, then writes each touched row once. */
function applyUsage(db: ReadModelDatabase, events: readonly RecordedEvent[]): void {
  const months = new Map<string, Month>();
  const addresses = new Addresses();
  const tenantDaily = new TenantDaily();
  let last: Month | undefined;
  for (const event of events as Handled[]) {
    if (event.streamId.startsWith('user-')) {
      const user = event as unknown as RecordedEvent & UserEvent;
      if (user.type === 'UserErased') statement(db, 'UPDATE usage_rejections SET user_principal_name = ? WHERE user_id = ?').run(user.data.pseudonym, user.data.userId);
      continue;
    }
    if (event.type === 'AppPasswordClientIdentified') {
      statement(db, 'INSERT OR IGNORE INTO usage_client_names (stream, revision, client) VALUES (?, ?, ?)').run(event.streamId, event.data.useRevision, event.data.client);
      continue;
    }
    if (event.type === 'SignInFailuresSummarized') {
      addSummary(db, event, tenantDaily);
      continue;
    }
    const { occurredAt, tenantId } = event.metadata;
    const isUse = event.type === 'AppPasswordUsed';
    const reason = event.type === 'AppPasswordUsed' ? null : event.data.reason;
    tenantDaily.add(tenantId, occurredAt.slice(0, 10), isUse ? 'USED' : 'REJECTED', reason ?? event.data.protocol);
    if (!isUse) insertRejection(db, event);
    if (event.type === 'SignInFailed') continue;
    const { appPasswordId, userId, sourceIp } = event.data;
    // A credential's attempts often come one after another: the previous event's month is checked first.
    let month = last && last.appPasswordId === appPasswordId && occurredAt.startsWith(last.month) ? last : undefined;
    if (!month) {
      const monthKey = `${appPasswordId}\u0000${occurredAt.slice(0, 7)}`;
      month = months.get(monthKey);
      if (!month) months.set(monthKey, (month = { appPasswordId, month: occurredAt.slice(0, 7), tenantId, userId, days: storedDays(db, appPasswordId, occurredAt.slice(0, 7)) }));
    }
    last = month;
    const day = month.days[(occurredAt.charCodeAt(8) - 48) * 10 + occurredAt.charCodeAt(9) - 48 - 1];
    day[isUse ? 0 : 1] += 1;
    day[2] = Math.max(day[2], Number(event.revision));
    if (sourceIp) addresses.add(appPasswordId, tenantId, sourceIp, occurredAt, isUse);
  }
  writeFolded(db, months, addresses, tenantDaily);
}

/** Source addresses per credential, folded; the previous event's credential is looked up first. */
class Addresses {
  private readonly byCredential = new Map<string, Map<string, Address>>();
  private last: { appPasswordId: string; addresses: Map<string, Address> } | null = null;

  add(appPasswordId: string, tenantId: string, sourceIp: string, at: string, isUse: boolean): void {
    if (this.last?.appPasswordId !== appPasswordId) {
      let addresses = this.byCredential.get(appPasswordId);
      if (!addresses) this.byCredential.set(appPasswordId, (addresses = new Map()));
      this.last = { appPasswordId, addresses };
    }
    let address = this.last.addresses.get(sourceIp);
    if (!address) {
      address = { appPasswordId, tenantId, sourceIp, firstSeen: at, lastSeen: at, uses: 0, rejections: 0, months: new Map() };
      this.last.addresses.set(sourceIp, address);
    }
    if (at < address.firstSeen) address.firstSeen = at;
    if (at > address.lastSeen) address.lastSeen = at;
    if (isUse) address.uses += 1;
    else address.rejections += 1;
    const month = at.slice(0, 7);
    const inMonth = address.months.get(month) ?? { days: 0, firstSeen: at, lastSeen: at };
    inMonth.days |= 1 << (Number(at.slice(8, 10)) - 1);
    if (at < inMonth.firstSeen) inMonth.firstSeen = at;
    if (at > inMonth.lastSeen) inMonth.lastSeen = at;
    address.months.set(month, inMonth);
  }

  *all(): Generator<Address> {
    for (const addresses of this.byCredential.values()) yield* addresses.values();
  }
}

/** The month's days as stored, or 31 empty days. */
function storedDays(db: ReadModelDatabase, appPasswordId: string, month: string): DayCounts[] {
  const row = statement(db, 'SELECT days FROM usage_monthly WHERE app_password_id = ? AND month = ?').get(appPasswordId, month) as { days: string } | undefined;
  return row ? (JSON.parse(row.days) as DayCounts[]) : Array.from({ length: 31 }, (): DayCounts => [0, 0, -1]);
}

function insertRejection(db: ReadModelDatabase, event: RecordedEvent & (AppPasswordUsageEvent | SignInFailed)): void {
  const credential = event.type === 'SignInFailed' ? null : event.data;
  statement(
    db,
    `INSERT OR IGNORE INTO usage_rejections
       (stream, revision, tenant_id, app_password_id, user_id, user_principal_name, occurred_at, reason, protocol, source_ip, client)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.streamId,
    event.revision,
    event.metadata.tenantId,
    credential?.appPasswordId ?? null,
    credential?.userId ?? null,
    event.type === 'SignInFailed' ? event.data.userPrincipalName.toLowerCase() : null,
    event.metadata.occurredAt,
    event.type === 'AppPasswordUsed' ? '' : event.data.reason,
    event.data.protocol,
    event.data.sourceIp,
    event.data.client,
  );
}

/** A summary of unknown names' failures: its attempts counted on the days they were made, and one rejection row for them all. */
function addSummary(db: ReadModelDatabase, event: RecordedEvent & SignInFailuresSummarized, tenantDaily: TenantDaily): void {
  const { tenantId, occurredAt } = event.metadata;
  const { reason, failures, omitted, attempts, from } = event.data;
  for (const failure of failures) tenantDaily.add(tenantId, failure.firstAt.slice(0, 10), 'REJECTED', reason, failure.count);
  if (omitted > 0) tenantDaily.add(tenantId, (from || occurredAt).slice(0, 10), 'REJECTED', reason, omitted);
  statement(
    db,
    `INSERT OR IGNORE INTO usage_rejections (stream, revision, tenant_id, app_password_id, user_id, user_principal_name, occurred_at, reason, protocol, source_ip, client, attempts)
     VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, NULL, NULL, NULL, ?)`,
  ).run(event.streamId, event.revision, tenantId, occurredAt, reason, attempts);
}

/** Attempts per tenant, day, outcome and protocol or reason, folded without building a key per event. */
class TenantDaily {
  private readonly counts = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  private last: { tenantId: string; day: string; byOutcome: Map<string, Map<string, number>> } | null = null;

  add(tenantId: string, day: string, outcome: string, detail: string, count = 1): void {
    if (this.last?.tenantId !== tenantId || this.last.day !== day) {
      const byDay = this.counts.get(tenantId) ?? new Map<string, Map<string, Map<string, number>>>();
      this.counts.set(tenantId, byDay);
      const found = byDay.get(day) ?? new Map<string, Map<string, number>>();
      byDay.set(day, found);
      this.last = { tenantId, day, byOutcome: found };
    }
    const byOutcome = this.last.byOutcome;
    const byDetail = byOutcome.get(outcome) ?? new Map<string, number>();
    byOutcome.set(outcome, byDetail);
    byDetail.set(detail, (byDetail.get(detail) ?? 0) + count);
  }

  *rows(): Generator<[string, string, string, string, number]> {
    for (const [tenantId, byDay] of this.counts)
      for (const [day, byOutcome] of byDay) for (const [outcome, byDetail] of byOutcome) for (const [detail, count] of byDetail) yield [tenantId, day, outcome, detail, count];
  }
}

function writeFolded(db: ReadModelDatabase, months: Map<string, Month>, addresses: Addresses, tenantDaily: TenantDaily): void {
  const saveMonth = statement(db, 'INSERT OR REPLACE INTO usage_monthly VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const { appPasswordId, month, tenantId, userId, days } of months.values()) {
    const uses = days.reduce((sum, day) => sum + day[0], 0);
    const rejections = days.reduce((sum, day) => sum + day[1], 0);
    saveMonth.run(appPasswordId, month, tenantId, userId, uses, rejections, JSON.stringify(days));
  }
  const addAddress = statement(
    db,
    `INSERT INTO usage_addresses VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (app_password_id, source_ip) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
       last_seen = max(last_seen, excluded.last_seen), uses = uses + excluded.uses, rejections = rejections + excluded.rejections`,
  );
  const addMonth = statement(
    db,
    `INSERT INTO usage_address_months VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant_id, address_key, month, app_password_id) DO UPDATE SET days = days | excluded.days,
       first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
  );
  for (const a of addresses.all()) {
    addAddress.run(a.appPasswordId, a.sourceIp, a.firstSeen, a.lastSeen, a.uses, a.rejections);
    const key = addressKey(a.sourceIp);
    if (!key) continue;
    for (const [month, { days, firstSeen, lastSeen }] of a.months) addMonth.run(a.appPasswordId, key, month, a.tenantId, a.sourceIp, days, firstSeen, lastSeen);
  }
  const addTenantDay = statement(db, 'INSERT INTO usage_tenant_daily VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day, outcome, detail) DO UPDATE SET count = count + excluded.count');
  for (const row of tenantDaily.rows()) addTenantDay.run(...row);
}
