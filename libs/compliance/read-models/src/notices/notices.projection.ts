import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { NoticeEvent, NoticeKind } from '@keyward/compliance/domain';
import type { UserErased } from '@keyward/identity/domain';

/**
 * `Notices`: each mail to a person with where it stands (queued, sending, failed and when to try
 * again, sent): what the mail pass reads to find what is due, and what admins see of the mail
 * Keyward sent. What a notice said stays in its events; the row keeps the subject.
 */
export const noticesProjection: Projection = {
  name: 'notices',
  // user-: an erased user's address leaves the list (docs/compliance.md).
  filter: { streamPrefixes: ['notice-', 'user-'], eventTypes: ['NoticeQueued', 'NoticeSendStarted', 'NoticeSent', 'NoticeDeliveryFailed', 'UserErased'] },
  version: 1,
  tables: ['notices'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notices (
        notice_id   TEXT PRIMARY KEY,
        tenant_id   TEXT NOT NULL,
        kind        TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        recipient   TEXT NOT NULL,
        subject     TEXT NOT NULL,
        status      TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        queued_at   TEXT NOT NULL,
        due_at      TEXT NOT NULL,
        sent_at     TEXT,
        last_error  TEXT
      );
      CREATE INDEX IF NOT EXISTS notices_due ON notices (due_at) WHERE status != 'SENT';
      CREATE INDEX IF NOT EXISTS notices_by_tenant ON notices (tenant_id, queued_at DESC, notice_id DESC);`);
  },

  reset(db) {
    db.exec('DELETE FROM notices;');
  },

  apply(db, event) {
    const e = event as RecordedEvent & (NoticeEvent | UserErased);
    const at = e.metadata.occurredAt;
    switch (e.type) {
      case 'UserErased':
        statement(db, 'UPDATE notices SET recipient = ? WHERE user_id = ?').run(e.data.pseudonym, e.data.userId);
        return;
      case 'NoticeQueued':
        statement(db, `INSERT OR IGNORE INTO notices (notice_id, tenant_id, kind, user_id, recipient, subject, status, queued_at, due_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)`).run(
          e.data.noticeId,
          e.data.tenantId,
          e.data.kind,
          e.data.userId,
          e.data.to,
          e.data.subject,
          at,
          at,
        );
        return;
      case 'NoticeSendStarted':
        // Due again when the claim lapses (the node that took it went away).
        update(db, e.data.noticeId, "status = 'SENDING', attempts = ?, due_at = ?", [e.data.attempt, new Date(Date.parse(e.data.startedAt) + 5 * 60_000).toISOString()]);
        return;
      case 'NoticeSent':
        update(db, e.data.noticeId, "status = 'SENT', sent_at = ?, last_error = NULL", [at]);
        return;
      case 'NoticeDeliveryFailed':
        update(db, e.data.noticeId, "status = 'FAILED', due_at = ?, last_error = ?", [e.data.retryAt, e.data.error]);
        return;
    }
  },
};

function update(db: ReadModelDatabase, noticeId: string, set: string, params: unknown[]): void {
  statement(db, `UPDATE notices SET ${set} WHERE notice_id = ? AND status != 'SENT'`).run(...params, noticeId);
}

/** Notices due to be sent now, oldest first. */
export function dueNotices(db: ReadModelDatabase, now: Date, limit: number): { noticeId: string; tenantId: string }[] {
  return statement(db, "SELECT notice_id AS noticeId, tenant_id AS tenantId FROM notices WHERE status != 'SENT' AND due_at <= ? ORDER BY due_at LIMIT ?").all(now.toISOString(), limit) as {
    noticeId: string;
    tenantId: string;
  }[];
}

export interface NoticeView {
  id: string;
  kind: NoticeKind;
  userId: string;
  recipient: string;
  subject: string;
  status: 'QUEUED' | 'SENDING' | 'FAILED' | 'SENT';
  attempts: number;
  queuedAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** Which of these notices exist already (queued or further). */
export function knownNotices(db: ReadModelDatabase, noticeIds: readonly string[]): Set<string> {
  const rows = statement(db, 'SELECT notice_id AS id FROM notices WHERE notice_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(noticeIds)) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}
