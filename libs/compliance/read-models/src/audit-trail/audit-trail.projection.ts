import { statement, type Projection } from '@keyward/shared/read-models';
import { withoutSecrets } from './without-secrets';

/** `AuditTrail`: every event of every tenant in log order, with hashes removed from the data. */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  filter: {},

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_trail (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id       TEXT NOT NULL UNIQUE,
        tenant_id      TEXT NOT NULL,
        stream_id      TEXT NOT NULL,
        type           TEXT NOT NULL,
        occurred_at    TEXT NOT NULL,
        actor          TEXT NOT NULL,
        correlation_id TEXT NOT NULL,
        data           TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS audit_trail_by_tenant ON audit_trail (tenant_id, seq);
      CREATE INDEX IF NOT EXISTS audit_trail_by_stream ON audit_trail (tenant_id, stream_id, seq);`);
  },

  reset(db) {
    db.exec("DELETE FROM audit_trail; DELETE FROM sqlite_sequence WHERE name = 'audit_trail';");
  },

  apply(db, event) {
    // The event id is unique: a replayed event is ignored.
    statement(db, 
      `INSERT OR IGNORE INTO audit_trail (event_id, tenant_id, stream_id, type, occurred_at, actor, correlation_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.id,
      event.metadata.tenantId,
      event.streamId,
      event.type,
      event.metadata.occurredAt,
      event.metadata.actor,
      event.metadata.correlationId,
      JSON.stringify(withoutSecrets(event.data)),
    );
  },
};
