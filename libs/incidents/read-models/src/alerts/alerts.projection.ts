import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection } from '@keyward/shared/read-models';
import { addressKey } from '@keyward/app-passwords/domain';
import type { AlertEvent } from '@keyward/incidents/domain';

/**
 * `Alerts`: each alert with its latest count and sighting, and who acknowledged it. A repeat only
 * ever raises the count and moves the last sighting forward, so a replay changes nothing.
 */
export const alertsProjection: Projection = {
  name: 'alerts',
  filter: { streamPrefixes: ['alert-'] },
  version: 1,
  tables: ['alerts'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS alerts (
        alert_id            TEXT PRIMARY KEY,
        tenant_id           TEXT NOT NULL,
        kind                TEXT NOT NULL,
        severity            TEXT NOT NULL,
        subject             TEXT NOT NULL,
        first_seen_at       TEXT NOT NULL,
        last_seen_at        TEXT NOT NULL,
        count               INTEGER NOT NULL,
        app_password_id     TEXT,
        user_id             TEXT,
        user_principal_name TEXT,
        source_ip           TEXT,
        source_key          TEXT,
        source_network      TEXT,
        accounts            INTEGER,
        credential_status   TEXT,
        raised_at           TEXT NOT NULL,
        acknowledged_at     TEXT,
        acknowledged_by     TEXT
      );
      CREATE INDEX IF NOT EXISTS alerts_by_tenant ON alerts (tenant_id, last_seen_at DESC, alert_id DESC);
      CREATE INDEX IF NOT EXISTS alerts_by_kind ON alerts (tenant_id, kind, last_seen_at DESC, alert_id DESC);
      CREATE INDEX IF NOT EXISTS alerts_unacknowledged ON alerts (tenant_id, last_seen_at DESC, alert_id DESC) WHERE acknowledged_at IS NULL;
      CREATE INDEX IF NOT EXISTS alerts_by_source ON alerts (tenant_id, source_key) WHERE source_key IS NOT NULL;
      CREATE INDEX IF NOT EXISTS alerts_by_credential ON alerts (app_password_id) WHERE app_password_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS alerts_by_user ON alerts (user_id) WHERE user_id IS NOT NULL;`);
  },

  reset(db) {
    db.exec('DELETE FROM alerts');
  },

  apply(db, event) {
    const e = event as RecordedEvent & AlertEvent;
    switch (e.type) {
      case 'AlertRaised': {
        const d = e.data;
        statement(
          db,
          `INSERT OR IGNORE INTO alerts (alert_id, tenant_id, kind, severity, subject, first_seen_at, last_seen_at, count, app_password_id, user_id,
             user_principal_name, source_ip, source_key, source_network, accounts, credential_status, raised_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.alertId,
          d.tenantId,
          d.kind,
          d.severity,
          d.subject,
          d.firstSeenAt,
          d.lastSeenAt,
          d.count,
          d.appPasswordId,
          d.userId,
          d.userPrincipalName,
          d.sourceIp,
          d.sourceIp ? addressKey(d.sourceIp) : null,
          d.sourceNetwork,
          d.accounts,
          d.credentialStatus,
          e.metadata.occurredAt,
        );
        return;
      }
      case 'AlertRepeated':
        statement(db, 'UPDATE alerts SET count = max(count, ?), last_seen_at = max(last_seen_at, ?) WHERE alert_id = ?').run(e.data.count, e.data.lastSeenAt, e.data.alertId);
        return;
      case 'AlertAcknowledged':
        statement(db, 'UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE alert_id = ? AND acknowledged_at IS NULL').run(
          e.data.acknowledgedAt,
          e.data.acknowledgedBy,
          e.data.alertId,
        );
        return;
    }
  },
};
