import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection } from '@keyward/shared/read-models';
import type { RevocationCaseEvent } from '@keyward/incidents/domain';

/**
 * `RevocationCases`: each case with its counters as they grow (the progress a responder watches),
 * and each credential's outcome in the order they were recorded.
 */
export const revocationCasesProjection: Projection = {
  name: 'revocation-cases',
  filter: { streamPrefixes: ['revocationCase-'] },
  version: 1,
  tables: ['revocation_cases', 'revocation_outcomes'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS revocation_cases (
        case_id           TEXT PRIMARY KEY,
        tenant_id         TEXT NOT NULL,
        action            TEXT NOT NULL,
        status            TEXT NOT NULL,
        reason            TEXT NOT NULL,
        incident_ref      TEXT NOT NULL,
        requested_by      TEXT NOT NULL,
        requested_at      TEXT NOT NULL,
        filter            TEXT NOT NULL,
        sample            TEXT NOT NULL,
        matched           INTEGER NOT NULL,
        recently_used     INTEGER NOT NULL,
        users_affected    INTEGER NOT NULL,
        revoked           INTEGER NOT NULL DEFAULT 0,
        already_revoked   INTEGER NOT NULL DEFAULT 0,
        failed            INTEGER NOT NULL DEFAULT 0,
        finished_at       TEXT,
        cancelled_by      TEXT,
        reinstatement     TEXT,
        reinstate_reason  TEXT,
        reinstated        INTEGER,
        reinstated_at     TEXT
      );
      CREATE INDEX IF NOT EXISTS revocation_cases_by_tenant ON revocation_cases (tenant_id, requested_at DESC, case_id DESC);
      CREATE TABLE IF NOT EXISTS revocation_outcomes (
        seq             INTEGER PRIMARY KEY,
        case_id         TEXT NOT NULL,
        app_password_id TEXT NOT NULL,
        outcome         TEXT NOT NULL,
        user_id         TEXT,
        detail          TEXT,
        recorded_at     TEXT NOT NULL,
        UNIQUE (case_id, app_password_id)
      );
      CREATE INDEX IF NOT EXISTS revocation_outcomes_by_case ON revocation_outcomes (case_id, outcome, seq);`);
  },

  reset(db) {
    db.exec('DELETE FROM revocation_cases; DELETE FROM revocation_outcomes;');
  },

  apply(db, event) {
    const e = event as RecordedEvent & RevocationCaseEvent;
    switch (e.type) {
      case 'RevocationCaseRequested': {
        const d = e.data;
        statement(
          db,
          `INSERT OR IGNORE INTO revocation_cases
             (case_id, tenant_id, action, status, reason, incident_ref, requested_by, requested_at, filter, sample, matched, recently_used, users_affected)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(d.caseId, d.tenantId, d.action, d.isDryRun ? 'DRY_RUN' : 'RUNNING', d.reason, d.incidentRef, d.requestedBy, d.requestedAt, JSON.stringify(d.filter), JSON.stringify(d.sample), d.matched, d.recentlyUsed, d.usersAffected);
        return;
      }
      case 'RevocationOutcomesRecorded': {
        const insert = statement(db, 'INSERT OR IGNORE INTO revocation_outcomes (case_id, app_password_id, outcome, user_id, detail, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
        const counts = { revoked: 0, alreadyRevoked: 0, failed: 0 };
        for (const { appPasswordId, outcome, userId, detail } of e.data.outcomes) {
          // Counted only when new: a replayed event adds nothing.
          if (insert.run(e.data.caseId, appPasswordId, outcome, userId, detail ?? null, e.metadata.occurredAt).changes === 0) continue;
          if (outcome === 'REVOKED' || outcome === 'SUSPENDED') counts.revoked++;
          else if (outcome === 'ALREADY_REVOKED') counts.alreadyRevoked++;
          else counts.failed++;
        }
        statement(db, 'UPDATE revocation_cases SET revoked = revoked + ?, already_revoked = already_revoked + ?, failed = failed + ? WHERE case_id = ?').run(
          counts.revoked,
          counts.alreadyRevoked,
          counts.failed,
          e.data.caseId,
        );
        return;
      }
      case 'RevocationCaseCompleted':
        statement(db, "UPDATE revocation_cases SET status = 'COMPLETED', finished_at = ? WHERE case_id = ?").run(e.metadata.occurredAt, e.data.caseId);
        return;
      case 'RevocationCaseCancelled':
        statement(db, "UPDATE revocation_cases SET status = 'CANCELLED', finished_at = ?, cancelled_by = ? WHERE case_id = ?").run(e.metadata.occurredAt, e.data.cancelledBy, e.data.caseId);
        return;
      case 'CaseReinstatementRequested':
        statement(db, "UPDATE revocation_cases SET reinstatement = 'REQUESTED', reinstate_reason = ? WHERE case_id = ?").run(e.data.reason, e.data.caseId);
        return;
      case 'CaseReinstated':
        statement(db, "UPDATE revocation_cases SET reinstatement = 'DONE', reinstated = ?, reinstated_at = ? WHERE case_id = ?").run(e.data.reinstated, e.metadata.occurredAt, e.data.caseId);
        return;
      case 'RevocationTargetsFixed':
        return;
    }
  },
};
