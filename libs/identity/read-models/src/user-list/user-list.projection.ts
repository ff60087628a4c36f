import type { RecordedEvent } from '@keyward/shared/event-store';
import { statement, type Projection, type ReadModelDatabase } from '@keyward/shared/read-models';
import { EMPTY_PROFILE, type TenantEvent, type UserEvent } from '@keyward/identity/domain';

/** `UserList`: every user of every tenant, and which tenant owns which mail domain. */
export const userListProjection: Projection = {
  name: 'user-list',
  filter: { streamPrefixes: ['user-', 'tenant-'] },
  // 2: the directory's profile, deprovisioning and last change, for SCIM.
  // 3: MFA from console factors, the directory and the identity provider, besides an admin's word at creation.
  version: 3,
  tables: ['user_list', 'tenant_domains'],

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
        revision            INTEGER NOT NULL,
        last_modified       TEXT NOT NULL,
        external_id         TEXT,
        given_name          TEXT,
        family_name         TEXT,
        email               TEXT,
        deprovisioned       INTEGER NOT NULL DEFAULT 0,
        provisioned         INTEGER NOT NULL DEFAULT 0,
        mfa_attested        INTEGER NOT NULL DEFAULT 0,
        has_second_factor   INTEGER NOT NULL DEFAULT 0,
        directory_mfa       INTEGER
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
      case 'UserCreated': {
        const profile = typed.data.profile ?? EMPTY_PROFILE;
        statement(db,
          `INSERT OR IGNORE INTO user_list VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?)`,
        ).run(
          typed.data.userId,
          typed.data.tenantId,
          typed.data.userPrincipalName,
          typed.data.displayName,
          JSON.stringify(typed.data.roles),
          typed.data.mfaRegistered || profile.mfaRegistered === true ? 1 : 0,
          typed.metadata.occurredAt,
          event.revision,
          typed.metadata.occurredAt,
          profile.externalId,
          profile.givenName,
          profile.familyName,
          profile.email,
          // Created by a directory (SCIM): then single sign-on creates no users in the tenant.
          typed.data.source === 'directory' ? 1 : 0,
          typed.data.mfaRegistered ? 1 : 0,
          flag(profile.mfaRegistered),
        );
        return;
      }
      case 'UserDisabled':
      case 'UserEnabled': {
        const deprovisioned = typed.type === 'UserDisabled' && typed.data.deprovisioned === true ? 1 : 0;
        update(db, event, typed.data.userId, 'is_enabled = @enabled, deprovisioned = @deprovisioned', { enabled: typed.type === 'UserEnabled' ? 1 : 0, deprovisioned });
        return;
      }
      case 'UserPasswordReset':
        update(db, event, typed.data.userId, '', {});
        return;
      case 'UserProfileChanged': {
        const { displayName, profile } = typed.data;
        const columns = 'display_name = @displayName, external_id = @externalId, given_name = @givenName, family_name = @familyName, email = @email, directory_mfa = @directoryMfa';
        update(db, event, typed.data.userId, `${columns}, mfa_registered = (mfa_attested = 1 OR has_second_factor = 1 OR IFNULL(@directoryMfa, 0) = 1)`, {
          displayName,
          externalId: profile.externalId,
          givenName: profile.givenName,
          familyName: profile.familyName,
          email: profile.email,
          directoryMfa: flag(profile.mfaRegistered),
        });
        return;
      }
      case 'UserRolesChanged':
        update(db, event, typed.data.userId, 'roles = @roles', { roles: JSON.stringify(typed.data.roles) });
        return;
      case 'UserErased':
        update(db, event, typed.data.userId, "user_principal_name = @pseudonym, display_name = 'Erased user', external_id = NULL, given_name = NULL, family_name = NULL, email = NULL", {
          pseudonym: typed.data.pseudonym,
        });
        return;
      case 'TotpEnrolled':
      case 'PasskeyRegistered':
        update(db, event, typed.data.userId, 'has_second_factor = 1, mfa_registered = 1', {});
        return;
      case 'MfaAttested':
        update(db, event, typed.data.userId, 'mfa_attested = 1, mfa_registered = 1', {});
        return;
      case 'SecondFactorsReset':
        update(db, event, typed.data.userId, 'has_second_factor = 0, mfa_registered = (mfa_attested = 1 OR IFNULL(directory_mfa, 0) = 1)', {});
        return;
    }
  },
};

// mfa_registered follows its sources as the user's stream folds them: an attestation (an admin's
// at creation, or the identity provider's), the directory's word, or a console factor. (SQLite
// reads every right-hand side of an UPDATE from the row as it was.)

function flag(value: boolean | null | undefined): number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : null;
}

/** Sets `assignments` and the row's revision and last change; the revision guard makes a replayed event a no-op. */
function update(db: ReadModelDatabase, event: RecordedEvent, userId: string, assignments: string, params: Record<string, unknown>): void {
  const set = ['revision = @revision', 'last_modified = @lastModified', ...(assignments ? [assignments] : [])].join(', ');
  statement(db, `UPDATE user_list SET ${set} WHERE user_id = @userId AND revision < @revision`).run({
    ...params,
    userId,
    revision: event.revision,
    lastModified: event.metadata.occurredAt,
  });
}
