import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection } from '@keyward/shared/read-models';
import { ACCESS_REVIEW_EVENT_TYPES, type AccessReviewEvent } from '@keyward/compliance/domain';
import type { UserErased } from '@keyward/identity/domain';

/**
 * `AccessReviews`: each review with its counters as decisions come in (the admin's progress view),
 * and each item as it was frozen at the start, with its decision and the owner's attestation. A
 * repeating review also says whether its series was stopped and whether its successor started.
 */
export const accessReviewsProjection: Projection = {
  name: 'access-reviews',
  // user-: an erased user's name leaves the items (docs/compliance.md).
  filter: { streamPrefixes: ['accessReview-', 'user-'], eventTypes: [...ACCESS_REVIEW_EVENT_TYPES, 'UserErased'] },
  // 2: recurrence (recur_every_days, series_id, previous_review_id, recurrence_stopped, has_successor).
  version: 2,
  tables: ['access_reviews', 'access_review_reviewers', 'access_review_items'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS access_reviews (
        review_id        TEXT PRIMARY KEY,
        tenant_id        TEXT NOT NULL,
        name             TEXT NOT NULL,
        status           TEXT NOT NULL,
        started_by       TEXT NOT NULL,
        started_at       TEXT NOT NULL,
        due_at           TEXT NOT NULL,
        revoke_undecided INTEGER NOT NULL,
        reviewer_ids     TEXT NOT NULL,
        filter           TEXT NOT NULL,
        total            INTEGER NOT NULL,
        kept             INTEGER NOT NULL DEFAULT 0,
        revoked          INTEGER NOT NULL DEFAULT 0,
        completed_at     TEXT,
        recur_every_days INTEGER,
        series_id        TEXT,
        previous_review_id TEXT,
        recurrence_stopped INTEGER NOT NULL DEFAULT 0,
        has_successor    INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX IF NOT EXISTS access_reviews_by_tenant ON access_reviews (tenant_id, started_at DESC, review_id DESC);
      CREATE INDEX IF NOT EXISTS access_reviews_due ON access_reviews (due_at) WHERE status = 'OPEN';
      CREATE INDEX IF NOT EXISTS access_reviews_repeating ON access_reviews (started_at) WHERE recur_every_days IS NOT NULL AND recurrence_stopped = 0 AND has_successor = 0;
      CREATE TABLE IF NOT EXISTS access_review_reviewers (
        review_id TEXT NOT NULL,
        user_id   TEXT NOT NULL,
        PRIMARY KEY (user_id, review_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS access_review_items (
        item_id             TEXT PRIMARY KEY,
        review_id           TEXT NOT NULL,
        seq                 INTEGER NOT NULL,
        app_password_id     TEXT NOT NULL,
        user_id             TEXT NOT NULL,
        user_principal_name TEXT NOT NULL,
        label               TEXT NOT NULL,
        scopes              TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        last_used_at        TEXT,
        uses_last_30_days   INTEGER NOT NULL,
        recommendation      TEXT NOT NULL,
        decision            TEXT,
        justification       TEXT,
        decided_by          TEXT,
        decided_at          TEXT,
        attested_at         TEXT,
        attestation_note    TEXT
      );
      CREATE UNIQUE INDEX IF NOT EXISTS access_review_items_in_order ON access_review_items (review_id, seq);
      CREATE INDEX IF NOT EXISTS access_review_items_undecided ON access_review_items (review_id, seq) WHERE decision IS NULL;
      CREATE INDEX IF NOT EXISTS access_review_items_by_owner ON access_review_items (user_id, review_id);`);
  },

  reset(db) {
    db.exec('DELETE FROM access_reviews; DELETE FROM access_review_reviewers; DELETE FROM access_review_items;');
  },

  apply(db, event) {
    const e = event as RecordedEvent & (AccessReviewEvent | UserErased);
    switch (e.type) {
      case 'UserErased':
        statement(db, 'UPDATE access_review_items SET user_principal_name = ? WHERE user_id = ?').run(e.data.pseudonym, e.data.userId);
        return;
      case 'AccessReviewStarted': {
        const d = e.data;
        const inserted = statement(
          db,
          `INSERT OR IGNORE INTO access_reviews (review_id, tenant_id, name, status, started_by, started_at, due_at, revoke_undecided, reviewer_ids, filter, total, recur_every_days, series_id, previous_review_id)
           VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.reviewId, d.tenantId, d.name, d.startedBy, d.startedAt, d.dueAt, d.revokeUndecided ? 1 : 0, JSON.stringify(d.reviewerIds), JSON.stringify(d.filter), d.total,
          d.recurEveryDays ?? null, d.recurEveryDays ? (d.seriesId ?? d.reviewId) : null, d.previousReviewId ?? null,
        );
        if (inserted.changes === 0) return;
        if (d.previousReviewId) statement(db, 'UPDATE access_reviews SET has_successor = 1 WHERE review_id = ?').run(d.previousReviewId);
        const reviewer = statement(db, 'INSERT OR IGNORE INTO access_review_reviewers VALUES (?, ?)');
        for (const userId of d.reviewerIds) reviewer.run(d.reviewId, userId);
        return;
      }
      case 'AccessReviewItemsFixed': {
        const next = (statement(db, 'SELECT count(*) AS n FROM access_review_items WHERE review_id = ?').get(e.data.reviewId) as { n: number }).n;
        const insert = statement(
          db,
          `INSERT OR IGNORE INTO access_review_items
             (item_id, review_id, seq, app_password_id, user_id, user_principal_name, label, scopes, created_at, last_used_at, uses_last_30_days, recommendation)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        let seq = next;
        for (const item of e.data.items) {
          const changes = insert.run(item.itemId, e.data.reviewId, seq, item.appPasswordId, item.userId, item.userPrincipalName, item.label, JSON.stringify(item.scopes), item.createdAt, item.lastUsedAt, item.usesLast30Days, item.recommendation).changes;
          seq += changes;
        }
        return;
      }
      case 'AccessReviewItemDecided': {
        const d = e.data;
        const before = statement(db, 'SELECT decision FROM access_review_items WHERE item_id = ?').get(d.itemId) as { decision: string | null } | undefined;
        if (!before || before.decision === 'REVOKE') return;
        statement(db, 'UPDATE access_review_items SET decision = ?, justification = ?, decided_by = ?, decided_at = ? WHERE item_id = ?').run(d.decision, d.justification, d.decidedBy, e.metadata.occurredAt, d.itemId);
        const kept = (d.decision === 'KEEP' ? 1 : 0) - (before.decision === 'KEEP' ? 1 : 0);
        const revoked = d.decision === 'REVOKE' ? 1 : 0;
        statement(db, 'UPDATE access_reviews SET kept = kept + ?, revoked = revoked + ? WHERE review_id = ?').run(kept, revoked, d.reviewId);
        return;
      }
      case 'AccessReviewItemAttested':
        statement(db, 'UPDATE access_review_items SET attested_at = ?, attestation_note = ? WHERE item_id = ?').run(e.metadata.occurredAt, e.data.note, e.data.itemId);
        return;
      case 'AccessReviewCompleted':
        statement(db, "UPDATE access_reviews SET status = 'COMPLETED', completed_at = ? WHERE review_id = ?").run(e.metadata.occurredAt, e.data.reviewId);
        return;
      case 'AccessReviewRecurrenceStopped':
        statement(db, 'UPDATE access_reviews SET recurrence_stopped = 1 WHERE review_id = ?').run(e.data.reviewId);
        return;
    }
  },
};
