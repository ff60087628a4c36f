import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { UserEvent } from '@keyward/identity/domain';
import type { AppPasswordEvent } from '@keyward/app-passwords/domain';

type Handled = RecordedEvent & (AppPasswordEvent | UserEvent);

const LIFECYCLE_TYPES: readonly AppPasswordEvent['type'][] = ['AppPasswordGenerated', 'AppPasswordRenamed', 'AppPasswordRevoked', 'AppPasswordExpired', 'AppPasswordSuspended', 'AppPasswordReinstated'];

/**
 * `AppPasswordHistory`: every version of every app password's inventory row, each with the
 * interval it held (`valid_from` inclusive, `valid_to` exclusive; open while current), so that the
 * inventory as it stood at any moment is one indexed query (`appPasswordsAsOf`), not a replay of
 * the store. A lifecycle event closes the current version and opens the next; a credential has a
 * few versions in its life (generated, renamed, suspended, revoked or expired), so the table stays
 * close to the inventory's size. Sign-ins are not versioned here: last use as known then comes from
 * the sign-in history and the usage streams, for the rows a page shows.
 * Also kept: each owner's password resets, with their times (`survivedPasswordReset` at a moment).
 */
export const appPasswordHistoryProjection: Projection = {
  name: 'app-password-history',
  filter: { streamPrefixes: ['appPassword-', 'user-'], eventTypes: [...LIFECYCLE_TYPES, 'UserCreated', 'UserPasswordReset', 'UserErased'] },
  version: 1,
  tables: ['app_password_versions', 'app_password_history_owners', 'app_password_owner_resets'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS app_password_versions (
        app_password_id     TEXT NOT NULL,
        valid_from          TEXT NOT NULL,
        valid_to            TEXT,
        lifecycle_revision  INTEGER NOT NULL,
        tenant_id           TEXT NOT NULL,
        user_id             TEXT NOT NULL,
        user_principal_name TEXT NOT NULL,
        label               TEXT NOT NULL,
        scopes              TEXT NOT NULL,
        status              TEXT NOT NULL,
        created_at          TEXT NOT NULL,
        created_by          TEXT NOT NULL,
        expires_at          TEXT,
        revoked_at          TEXT,
        revoked_by          TEXT,
        revoke_reason       TEXT,
        PRIMARY KEY (app_password_id, lifecycle_revision)
      );
      CREATE INDEX IF NOT EXISTS app_password_versions_by_tenant ON app_password_versions (tenant_id, created_at DESC, app_password_id DESC, valid_from, valid_to);
      CREATE INDEX IF NOT EXISTS app_password_versions_by_label ON app_password_versions (tenant_id, label COLLATE NOCASE, app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_versions_by_owner ON app_password_versions (tenant_id, user_principal_name, app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_versions_by_user ON app_password_versions (user_id, created_at);
      CREATE INDEX IF NOT EXISTS app_password_versions_by_expiry ON app_password_versions (tenant_id, coalesce(expires_at, '9999'), app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_versions_current ON app_password_versions (app_password_id) WHERE valid_to IS NULL;
      CREATE TABLE IF NOT EXISTS app_password_history_owners (
        user_id             TEXT PRIMARY KEY,
        user_principal_name TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS app_password_owner_resets (
        user_id  TEXT NOT NULL,
        reset_at TEXT NOT NULL,
        PRIMARY KEY (user_id, reset_at)
      ) WITHOUT ROWID;`);
  },

  reset(db) {
    db.exec('DELETE FROM app_password_versions; DELETE FROM app_password_history_owners; DELETE FROM app_password_owner_resets;');
  },

  apply(db, event) {
    applyOne(db, event as Handled);
  },
};

interface VersionRow {
  lifecycle_revision: number;
  status: string;
  [column: string]: unknown;
}

function applyOne(db: ReadModelDatabase, e: Handled): void {
  switch (e.type) {
    case 'UserCreated':
      statement(db, 'INSERT OR IGNORE INTO app_password_history_owners VALUES (?, ?)').run(e.data.userId, e.data.userPrincipalName);
      return;
    case 'UserPasswordReset':
      statement(db, 'INSERT OR IGNORE INTO app_password_owner_resets VALUES (?, ?)').run(e.data.userId, e.metadata.occurredAt);
      return;
    case 'UserErased':
      // Every version, past ones included: an erased name is gone from history's views too.
      statement(db, 'UPDATE app_password_history_owners SET user_principal_name = ? WHERE user_id = ?').run(e.data.pseudonym, e.data.userId);
      statement(db, 'UPDATE app_password_versions SET user_principal_name = ? WHERE user_id = ?').run(e.data.pseudonym, e.data.userId);
      return;
    case 'AppPasswordGenerated':
      statement(
        db,
        `INSERT OR IGNORE INTO app_password_versions
           (app_password_id, valid_from, lifecycle_revision, tenant_id, user_id, user_principal_name, label, scopes, status, created_at, created_by, expires_at)
         VALUES (?, ?, ?, ?, ?, coalesce((SELECT user_principal_name FROM app_password_history_owners WHERE user_id = ?), ''), ?, ?, 'ACTIVE', ?, ?, ?)`,
      ).run(e.data.appPasswordId, e.metadata.occurredAt, e.revision, e.data.tenantId, e.data.userId, e.data.userId, e.data.label, JSON.stringify(e.data.scopes), e.metadata.occurredAt, e.metadata.actor, e.data.expiresAt);
      return;
    case 'AppPasswordRenamed':
      return nextVersion(db, e, () => ({ label: e.data.label }));
    case 'AppPasswordRevoked':
      return nextVersion(db, e, () => ({ status: 'REVOKED', revoked_at: e.metadata.occurredAt, revoked_by: e.metadata.actor, revoke_reason: e.data.reason }));
    case 'AppPasswordExpired':
      return nextVersion(db, e, (row) => (row.status === 'ACTIVE' || row.status === 'SUSPENDED' ? { status: 'EXPIRED' } : null));
    case 'AppPasswordSuspended':
      return nextVersion(db, e, (row) => (row.status === 'ACTIVE' ? { status: 'SUSPENDED' } : null));
    case 'AppPasswordReinstated':
      return nextVersion(db, e, (row) => (row.status === 'SUSPENDED' ? { status: 'ACTIVE' } : null));
  }
}

/**
 * Closes the current version at the event's time and opens the next with `change` applied. An
 * event the row has seen (a replay) or one that changes nothing writes nothing.
 */
function nextVersion(db: ReadModelDatabase, event: RecordedEvent<{ appPasswordId: string }>, change: (row: VersionRow) => Record<string, unknown> | null): void {
  const current = statement(db, 'SELECT * FROM app_password_versions WHERE app_password_id = ? AND valid_to IS NULL').get(event.data.appPasswordId) as VersionRow | undefined;
  if (!current || BigInt(current.lifecycle_revision) >= event.revision) return;
  const changed = change(current);
  if (!changed) return;
  const at = event.metadata.occurredAt;
  statement(db, 'UPDATE app_password_versions SET valid_to = ? WHERE app_password_id = ? AND lifecycle_revision = ?').run(at, event.data.appPasswordId, current.lifecycle_revision);
  const next: Record<string, unknown> = { ...current, ...changed, valid_from: at, valid_to: null, lifecycle_revision: event.revision };
  const columns = Object.keys(next);
  statement(db, `INSERT OR IGNORE INTO app_password_versions (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(next);
}
