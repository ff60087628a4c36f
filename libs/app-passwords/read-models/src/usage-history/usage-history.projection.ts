import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection } from '@keyward/shared/read-models';
import type { AppPasswordUsageEvent, SignInFailed } from '@keyward/app-passwords/domain';

type Handled = RecordedEvent & (AppPasswordUsageEvent | SignInFailed);

/**
 * `UsageHistory`: every sign-in attempt, for timelines, per-credential history and the
 * dashboard. Three tables: one row per attempt (keyed by stream and revision, so a replay
 * inserts nothing), the source addresses of each credential, and hourly counts per tenant.
 * Counters move only when the attempt's row was new.
 */
export const usageHistoryProjection: Projection = {
  name: 'usage-history',
  filter: { streamPrefixes: ['appPasswordUsage-', 'signInFailures-'] },
  version: 1,
  tables: ['usage_history', 'usage_addresses', 'usage_hourly'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS usage_history (
        stream              TEXT NOT NULL,
        revision            INTEGER NOT NULL,
        tenant_id           TEXT NOT NULL,
        app_password_id     TEXT,
        user_id             TEXT,
        user_principal_name TEXT,
        occurred_at         TEXT NOT NULL,
        outcome             TEXT NOT NULL,
        reason              TEXT,
        protocol            TEXT,
        source_ip           TEXT,
        client              TEXT,
        PRIMARY KEY (stream, revision)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS usage_history_by_credential ON usage_history (app_password_id, occurred_at) WHERE app_password_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS usage_history_by_user ON usage_history (user_id, occurred_at) WHERE user_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS usage_history_by_principal ON usage_history (user_principal_name, occurred_at) WHERE user_id IS NULL;
      CREATE TABLE IF NOT EXISTS usage_addresses (
        app_password_id TEXT NOT NULL,
        source_ip       TEXT NOT NULL,
        first_seen      TEXT NOT NULL,
        last_seen       TEXT NOT NULL,
        uses            INTEGER NOT NULL,
        rejections      INTEGER NOT NULL,
        PRIMARY KEY (app_password_id, source_ip)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS usage_hourly (
        tenant_id TEXT NOT NULL,
        hour      TEXT NOT NULL,
        outcome   TEXT NOT NULL,
        detail    TEXT NOT NULL,
        count     INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, hour, outcome, detail)
      ) WITHOUT ROWID;`);
  },

  reset(db) {
    db.exec('DELETE FROM usage_history; DELETE FROM usage_addresses; DELETE FROM usage_hourly;');
  },

  apply(db, event) {
    const e = event as Handled;
    const isUse = e.type === 'AppPasswordUsed';
    const outcome = isUse ? 'USED' : 'REJECTED';
    const reason = e.type === 'AppPasswordUsed' ? null : e.data.reason;
    const credential = e.type === 'SignInFailed' ? null : e.data;
    const inserted = statement(
      db,
      `INSERT OR IGNORE INTO usage_history
         (stream, revision, tenant_id, app_password_id, user_id, user_principal_name, occurred_at, outcome, reason, protocol, source_ip, client)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.streamId,
      e.revision,
      e.metadata.tenantId,
      credential?.appPasswordId ?? null,
      credential?.userId ?? null,
      e.type === 'SignInFailed' ? e.data.userPrincipalName.toLowerCase() : null,
      e.metadata.occurredAt,
      outcome,
      reason,
      e.data.protocol,
      e.data.sourceIp,
      e.data.client,
    );
    if (inserted.changes === 0) return;
    statement(
      db,
      `INSERT INTO usage_hourly VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (tenant_id, hour, outcome, detail) DO UPDATE SET count = count + 1`,
    ).run(e.metadata.tenantId, e.metadata.occurredAt.slice(0, 13), outcome, reason ?? e.data.protocol);
    if (credential && e.data.sourceIp) {
      statement(
        db,
        `INSERT INTO usage_addresses VALUES (@id, @ip, @at, @at, @uses, @rejections)
         ON CONFLICT (app_password_id, source_ip) DO UPDATE SET
           first_seen = min(first_seen, @at), last_seen = max(last_seen, @at),
           uses = uses + @uses, rejections = rejections + @rejections`,
      ).run({ id: credential.appPasswordId, ip: e.data.sourceIp, at: e.metadata.occurredAt, uses: isUse ? 1 : 0, rejections: isUse ? 0 : 1 });
    }
  },
};
