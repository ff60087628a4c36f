import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { UserEvent } from '@keyward/identity/domain';
import type { AppPasswordEvent, AppPasswordUsed } from '@keyward/app-passwords/domain';
import { timeKey, unpackedKeys } from './sign-in-times';

type Handled = RecordedEvent & (AppPasswordEvent | UserEvent | AppPasswordUsed);

const LIFECYCLE_TYPES: readonly AppPasswordEvent['type'][] = ['AppPasswordGenerated', 'AppPasswordRenamed', 'AppPasswordRevoked', 'AppPasswordExpired', 'AppPasswordSuspended', 'AppPasswordReinstated'];

/**
 * `AppPasswordHistory`: every version of every app password's inventory row, each with the
 * interval it held (`valid_from` inclusive, `valid_to` exclusive; open while current), so that the
 * inventory as it stood at any moment is one indexed query (`appPasswordsAsOf`), not a replay of
 * the store. A lifecycle event closes the current version and opens the next; a credential has a
 * few versions in its life (generated, renamed, suspended, revoked or expired), so the table stays
 * close to the inventory's size. Sign-ins are not versions: each credential's successful sign-in
 * times are kept packed as text in chunks of up to 2,000 (9 characters a sign-in, in order), each
 * chunk with its first and last time and the count of sign-ins before it, with the first time the
 * credential was used over each protocol. Last use and use count *as of a moment* are then one
 * index seek per credential (the last chunk started by then) and, only for a moment inside that
 * chunk, a binary search of its text (`kw_last_use`, `kw_uses`): the inventory's sign-in filters
 * and sorts at any moment stay one query.
 * Also kept: each owner's password resets, with their times (`survivedPasswordReset` at a moment).
 */
export const appPasswordHistoryProjection: Projection = {
  name: 'app-password-history',
  filter: { streamPrefixes: ['appPassword-', 'user-', 'appPasswordUsage-'], eventTypes: [...LIFECYCLE_TYPES, 'UserCreated', 'UserPasswordReset', 'UserErased', 'AppPasswordUsed'] },
  // 2: sign-in times, packed in chunks, and each protocol's first use.
  version: 2,
  tables: ['app_password_versions', 'app_password_history_owners', 'app_password_owner_resets', 'app_password_use_times', 'app_password_first_uses'],

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
      CREATE TABLE IF NOT EXISTS app_password_use_times (
        app_password_id TEXT NOT NULL,
        first_at        TEXT NOT NULL,
        uses_before     INTEGER NOT NULL,
        last_at         TEXT NOT NULL,
        uses            INTEGER NOT NULL,
        times           TEXT NOT NULL,
        PRIMARY KEY (app_password_id, first_at, uses_before)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS app_password_first_uses (
        app_password_id TEXT NOT NULL,
        protocol        TEXT NOT NULL,
        first_used_at   TEXT NOT NULL,
        PRIMARY KEY (app_password_id, protocol)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS app_password_owner_resets (
        user_id  TEXT NOT NULL,
        reset_at TEXT NOT NULL,
        PRIMARY KEY (user_id, reset_at)
      ) WITHOUT ROWID;`);
  },

  reset(db) {
    db.exec('DELETE FROM app_password_versions; DELETE FROM app_password_history_owners; DELETE FROM app_password_owner_resets; DELETE FROM app_password_use_times; DELETE FROM app_password_first_uses;');
  },

  apply(db, event) {
    applyBatch(db, [event]);
  },

  applyBatch(db, events) {
    applyBatch(db, events);
  },
};

/** Lifecycle and user events in order; sign-ins gathered per credential, each credential's chunks written once. */
function applyBatch(db: ReadModelDatabase, events: readonly RecordedEvent[]): void {
  const signIns = new Map<string, number[]>();
  for (const event of events as Handled[]) {
    if (event.type !== 'AppPasswordUsed') {
      applyOne(db, event);
      continue;
    }
    const { appPasswordId, protocol } = event.data;
    const at = new Date(event.metadata.occurredAt);
    signIns.set(appPasswordId, [...(signIns.get(appPasswordId) ?? []), at.getTime()]);
    statement(db, 'INSERT INTO app_password_first_uses VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET first_used_at = min(first_used_at, excluded.first_used_at)').run(appPasswordId, protocol, at.toISOString());
  }
  for (const [appPasswordId, times] of signIns) recordSignIns(db, appPasswordId, times.sort((a, b) => a - b));
}

/** Sign-in times a chunk holds at most: its text stays under 18 KB however often a credential is used. */
export const SIGN_INS_PER_CHUNK = 2_000;

interface UseTimesChunk {
  first_at: string;
  uses_before: number;
  last_at: string;
  uses: number;
  times: string;
}

/**
 * Adds sign-ins (epoch ms, in order) to a credential's chunks: appended to its last chunk while it
 * has room, then in new chunks. A sign-in older than the last one recorded (history brought in
 * out of order) re-packs the credential's chunks from all its times.
 */
function recordSignIns(db: ReadModelDatabase, appPasswordId: string, times: number[]): void {
  const last = statement(db, 'SELECT * FROM app_password_use_times WHERE app_password_id = ? ORDER BY first_at DESC, uses_before DESC LIMIT 1').get(appPasswordId) as UseTimesChunk | undefined;
  if (!last) return writeChunks(db, appPasswordId, times, 0);
  if (times[0] < Date.parse(last.last_at)) return repack(db, appPasswordId, times);
  const room = Math.max(0, SIGN_INS_PER_CHUNK - last.uses);
  const appended = times.slice(0, room);
  if (appended.length > 0) {
    statement(db, 'UPDATE app_password_use_times SET last_at = ?, uses = uses + ?, times = times || ? WHERE app_password_id = ? AND first_at = ? AND uses_before = ?').run(
      new Date(appended[appended.length - 1]).toISOString(),
      appended.length,
      appended.map(timeKey).join(''),
      appPasswordId,
      last.first_at,
      last.uses_before,
    );
  }
  writeChunks(db, appPasswordId, times.slice(room), last.uses_before + last.uses + appended.length);
}

function repack(db: ReadModelDatabase, appPasswordId: string, times: number[]): void {
  const chunks = statement(db, 'SELECT times FROM app_password_use_times WHERE app_password_id = ?').all(appPasswordId) as { times: string }[];
  const all = [...chunks.flatMap((chunk) => unpackedKeys(chunk.times).map((key) => parseInt(key, 36))), ...times].sort((a, b) => a - b);
  statement(db, 'DELETE FROM app_password_use_times WHERE app_password_id = ?').run(appPasswordId);
  writeChunks(db, appPasswordId, all, 0);
}

function writeChunks(db: ReadModelDatabase, appPasswordId: string, times: number[], usesBefore: number): void {
  for (let start = 0; start < times.length; start += SIGN_INS_PER_CHUNK) {
    const chunk = times.slice(start, start + SIGN_INS_PER_CHUNK);
    statement(db, 'INSERT INTO app_password_use_times VALUES (?, ?, ?, ?, ?, ?)').run(
      appPasswordId,
      new Date(chunk[0]).toISOString(),
      usesBefore + start,
      new Date(chunk[chunk.length - 1]).toISOString(),
      chunk.length,
      chunk.map(timeKey).join(''),
    );
  }
}

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
