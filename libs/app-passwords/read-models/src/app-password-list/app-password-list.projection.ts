import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import { APP_PASSWORD_SCOPES, type AppPasswordScope, type UserEvent } from '@keyward/identity/domain';
import type { AppPasswordEvent, AppPasswordUsageStreamEvent, AppPasswordUsed } from '@keyward/app-passwords/domain';

type Handled = RecordedEvent & (AppPasswordEvent | AppPasswordUsageStreamEvent | UserEvent);

/**
 * `AppPasswordList`: one row per app password with its owner, status and last use. Lifecycle
 * and usage events each carry their stream's revision; a row only moves forward, so a replayed
 * event changes nothing.
 */
export const appPasswordListProjection: Projection = {
  name: 'app-password-list',
  filter: { streamPrefixes: ['appPassword-', 'appPasswordUsage-', 'user-'] },
  // 2: the owner's principal name and the protocols used are kept on the row, for filters and sorts.
  // 3: indexes for "never used" and "unused since". 4: indexes for text search, and one that
  // holds every column the counts and the dashboard read, so they never touch the rows.
  // 5: suspended credentials, and each owner's last password reset.
  version: 5,
  tables: ['app_password_list', 'app_password_owners'],

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS app_password_list (
        app_password_id     TEXT PRIMARY KEY,
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
        last_used_at        TEXT,
        last_used_ip        TEXT,
        last_used_protocol  TEXT,
        last_used_client    TEXT,
        use_count           INTEGER NOT NULL DEFAULT 0,
        protocols_used      INTEGER NOT NULL DEFAULT 0,
        lifecycle_revision  INTEGER NOT NULL,
        usage_revision      INTEGER NOT NULL DEFAULT -1
      );
      CREATE INDEX IF NOT EXISTS app_password_list_by_tenant ON app_password_list (tenant_id, created_at DESC, app_password_id DESC);
      CREATE INDEX IF NOT EXISTS app_password_list_by_user ON app_password_list (user_id, created_at DESC);
      CREATE INDEX IF NOT EXISTS app_password_list_by_last_use ON app_password_list (tenant_id, coalesce(last_used_at, ''), app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_list_by_label ON app_password_list (tenant_id, label COLLATE NOCASE, app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_list_by_owner ON app_password_list (tenant_id, user_principal_name, app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_list_by_expiry ON app_password_list (tenant_id, coalesce(expires_at, '9999'), app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_list_by_uses ON app_password_list (tenant_id, use_count, app_password_id);
      CREATE INDEX IF NOT EXISTS app_password_list_never_used ON app_password_list (tenant_id, created_at, app_password_id) WHERE last_used_at IS NULL;
      CREATE INDEX IF NOT EXISTS app_password_list_by_activity ON app_password_list (tenant_id, coalesce(last_used_at, created_at));
      CREATE INDEX IF NOT EXISTS app_password_list_for_search ON app_password_list (tenant_id, label, user_principal_name);
      CREATE INDEX IF NOT EXISTS app_password_list_covering ON app_password_list (tenant_id, status, expires_at, protocols_used, last_used_at, created_at, revoked_at);
      CREATE TABLE IF NOT EXISTS app_password_owners (
        user_id                TEXT PRIMARY KEY,
        user_principal_name    TEXT NOT NULL,
        last_password_reset_at TEXT
      );`);
  },

  reset(db) {
    db.exec('DELETE FROM app_password_list; DELETE FROM app_password_owners;');
  },

  apply(db, event) {
    applyBatch(db, [event]);
  },

  applyBatch(db, events) {
    applyBatch(db, events);
  },
};

/** What a batch's sign-ins do to one credential's row, folded so the row is written once. */
interface UsageFold {
  appliedRevision: bigint;
  lastUsed: (RecordedEvent & AppPasswordUsed) | null;
  /** The client named after the last use (its `EHLO`), when that use is in this batch. */
  lastUsedClient: string | null;
  /** Names reported in this batch for uses of earlier batches: applied if that use is still the last. */
  namedEarlier: { usedAt: string; client: string }[];
  uses: number;
  protocols: number;
}

/** Lifecycle and user events are applied in order; sign-ins are folded per credential and written after them. */
function applyBatch(db: ReadModelDatabase, events: readonly RecordedEvent[]): void {
  const usage = new Map<string, UsageFold>();
  for (const event of events as Handled[]) {
    if (event.type === 'AppPasswordUsed' || event.type === 'AppPasswordRejected' || event.type === 'AppPasswordClientIdentified') foldUsage(db, usage, event);
    else applyOne(db, event);
  }
  for (const [appPasswordId, fold] of usage) writeUsage(db, appPasswordId, fold);
}

function foldUsage(db: ReadModelDatabase, usage: Map<string, UsageFold>, event: RecordedEvent & AppPasswordUsageStreamEvent): void {
  const id = event.data.appPasswordId;
  let fold = usage.get(id);
  if (!fold) {
    const row = statement(db, 'SELECT usage_revision FROM app_password_list WHERE app_password_id = ?').safeIntegers(true).get(id) as { usage_revision: bigint } | undefined;
    fold = { appliedRevision: row?.usage_revision ?? BigInt(Number.MAX_SAFE_INTEGER), lastUsed: null, lastUsedClient: null, namedEarlier: [], uses: 0, protocols: 0 };
    usage.set(id, fold);
  }
  // A row only moves forward: what it has applied already counts nothing again.
  if (event.revision <= fold.appliedRevision) return;
  fold.appliedRevision = event.revision;
  if (event.type === 'AppPasswordClientIdentified') {
    if (fold.lastUsed && Number(fold.lastUsed.revision) === event.data.useRevision) fold.lastUsedClient = event.data.client;
    else if (!fold.lastUsed) fold.namedEarlier.push({ usedAt: event.data.usedAt, client: event.data.client });
    return;
  }
  if (event.type !== 'AppPasswordUsed') return;
  fold.lastUsed = event;
  fold.lastUsedClient = null;
  fold.uses += 1;
  fold.protocols |= protocolBit(event.data.protocol);
}

function writeUsage(db: ReadModelDatabase, appPasswordId: string, fold: UsageFold): void {
  if (fold.appliedRevision === BigInt(Number.MAX_SAFE_INTEGER)) return;
  const last = fold.lastUsed;
  statement(
    db,
    `UPDATE app_password_list SET
       last_used_at = coalesce(@at, last_used_at), last_used_ip = CASE WHEN @at IS NULL THEN last_used_ip ELSE @ip END,
       last_used_protocol = coalesce(@protocol, last_used_protocol), last_used_client = CASE WHEN @at IS NULL THEN last_used_client ELSE @client END,
       use_count = use_count + @uses, protocols_used = protocols_used | @protocols, usage_revision = @revision
     WHERE app_password_id = @id AND usage_revision < @revision`,
  ).run({
    id: appPasswordId,
    at: last?.metadata.occurredAt ?? null,
    ip: last?.data.sourceIp ?? null,
    protocol: last?.data.protocol ?? null,
    client: last?.data.client ?? fold.lastUsedClient,
    uses: fold.uses,
    protocols: fold.protocols,
    revision: fold.appliedRevision,
  });
  for (const { usedAt, client } of fold.namedEarlier) {
    statement(db, 'UPDATE app_password_list SET last_used_client = ? WHERE app_password_id = ? AND last_used_at = ? AND last_used_client IS NULL').run(client, appPasswordId, usedAt);
  }
}

function applyOne(db: ReadModelDatabase, e: Exclude<Handled, RecordedEvent & AppPasswordUsageStreamEvent>): void {
  switch (e.type) {
    case 'UserCreated':
      statement(db, 'INSERT OR IGNORE INTO app_password_owners VALUES (?, ?, NULL)').run(e.data.userId, e.data.userPrincipalName);
      return;
    case 'UserErased':
      statement(db, 'UPDATE app_password_owners SET user_principal_name = ? WHERE user_id = ?').run(e.data.pseudonym, e.data.userId);
      statement(db, 'UPDATE app_password_list SET user_principal_name = ? WHERE user_id = ?').run(e.data.pseudonym, e.data.userId);
      return;
    case 'UserPasswordReset':
      statement(db, 'UPDATE app_password_owners SET last_password_reset_at = max(coalesce(last_password_reset_at, ?), ?) WHERE user_id = ?').run(
        e.metadata.occurredAt,
        e.metadata.occurredAt,
        e.data.userId,
      );
      return;
    case 'AppPasswordSuspended':
      lifecycle(db, e, "status = CASE status WHEN 'ACTIVE' THEN 'SUSPENDED' ELSE status END", []);
      return;
    case 'AppPasswordReinstated':
      lifecycle(db, e, "status = CASE status WHEN 'SUSPENDED' THEN 'ACTIVE' ELSE status END", []);
      return;
    case 'AppPasswordGenerated':
      statement(
        db,
        `INSERT OR IGNORE INTO app_password_list
           (app_password_id, tenant_id, user_id, user_principal_name, label, scopes, status, created_at, created_by, expires_at, lifecycle_revision)
         VALUES (?, ?, ?, coalesce((SELECT user_principal_name FROM app_password_owners WHERE user_id = ?), ''), ?, ?, 'ACTIVE', ?, ?, ?, ?)`,
      ).run(e.data.appPasswordId, e.data.tenantId, e.data.userId, e.data.userId, e.data.label, JSON.stringify(e.data.scopes), e.metadata.occurredAt, e.metadata.actor, e.data.expiresAt, e.revision);
      return;
    case 'AppPasswordRenamed':
      lifecycle(db, e, 'label = ?', [e.data.label]);
      return;
    case 'AppPasswordRevoked':
      lifecycle(db, e, "status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ?", [e.metadata.occurredAt, e.metadata.actor, e.data.reason]);
      return;
    case 'AppPasswordExpired':
      lifecycle(db, e, "status = CASE WHEN status IN ('ACTIVE', 'SUSPENDED') THEN 'EXPIRED' ELSE status END", []);
      return;
  }
}

/** Each protocol's bit in `protocols_used`. */
export function protocolBit(protocol: AppPasswordScope): number {
  return 1 << APP_PASSWORD_SCOPES.indexOf(protocol);
}

function lifecycle(db: ReadModelDatabase, event: RecordedEvent<{ appPasswordId: string }>, set: string, params: unknown[]): void {
  statement(db, `UPDATE app_password_list SET ${set}, lifecycle_revision = ? WHERE app_password_id = ? AND lifecycle_revision < ?`).run(
    ...params,
    event.revision,
    event.data.appPasswordId,
    event.revision,
  );
}
