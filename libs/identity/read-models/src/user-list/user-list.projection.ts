import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { TenantEvent, UserEvent } from '@keyward/identity/domain';

/** `UserList`: every user of every tenant, and which tenant owns which mail domain. */
export const userListProjection: Projection = {
  name: 'user-list',
  filter: { streamPrefixes: ['user-', 'tenant-'] },

  migrate(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS user_list (
        user_id             TEXT PRIMARY KEY,
        tenant_id           TEXT NOT NULL,
        user_principal_name TEXT NOT NULL,
        display_name        TEXT NOT NULL,
        roles               TEXT NOT NULL,
        mfa_registered      INTEGER NOT NULL,
        is_enabled          INTEGER NOT NULL,
        created_at          TEXT NOT NULL,
        revision            INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS user_list_by_tenant ON user_list (tenant_id, user_principal_name);
      CREATE TABLE IF NOT EXISTS tenant_domains (
        domain    TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL
      );`);
  },

  reset(db) {
    db.exec('DELETE FROM user_list; DELETE FROM tenant_domains;');
  },

  apply(db, event) {
    const typed = event as RecordedEvent & (UserEvent | TenantEvent);
    switch (typed.type) {
      case 'TenantCreated':
        for (const domain of typed.data.domains) {
          statement(db, 'INSERT OR IGNORE INTO tenant_domains (domain, tenant_id) VALUES (?, ?)').run(domain, typed.data.tenantId);
        }
        return;
      case 'UserCreated':
        statement(db, 
          `INSERT OR IGNORE INTO user_list VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        ).run(
          typed.data.userId,
          typed.data.tenantId,
          typed.data.userPrincipalName,
          typed.data.displayName,
          JSON.stringify(typed.data.roles),
          typed.data.mfaRegistered ? 1 : 0,
          typed.metadata.occurredAt,
          event.revision,
        );
        return;
      case 'UserDisabled':
      case 'UserEnabled':
        setEnabled(db, typed.data.userId, typed.type === 'UserEnabled', event.revision);
        return;
    }
  },
};

function setEnabled(db: ReadModelDatabase, userId: string, isEnabled: boolean, revision: bigint): void {
  // The revision guard makes a replayed event a no-op.
  statement(db, 'UPDATE user_list SET is_enabled = ?, revision = ? WHERE user_id = ? AND revision < ?').run(
    isEnabled ? 1 : 0,
    revision,
    userId,
    revision,
  );
}
