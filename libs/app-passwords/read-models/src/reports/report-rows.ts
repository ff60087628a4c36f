import { statement, type ReadModelDatabase } from '@keyward/shared/read-models';
import type { TenantPolicy } from '@keyward/identity/domain';

/** What a report shows of a credential it names: its label and owner as the inventory has them now. */
export interface CredentialName {
  label: string;
  userId: string;
  userPrincipalName: string;
}

/** Labels and owners of the given credentials (those the inventory knows). */
export function credentialNames(db: ReadModelDatabase, tenantId: string, ids: readonly string[]): Map<string, CredentialName> {
  const rows = statement(
    db,
    'SELECT app_password_id AS id, label, user_id AS userId, user_principal_name AS userPrincipalName FROM app_password_list WHERE tenant_id = ? AND app_password_id IN (SELECT value FROM json_each(?))',
  ).all(tenantId, JSON.stringify(ids)) as (CredentialName & { id: string })[];
  return new Map(rows.map(({ id, ...name }) => [id, name]));
}

/** Each owner's last password reset, for those that had one. */
export function lastPasswordResets(db: ReadModelDatabase, userIds: readonly string[]): Map<string, string> {
  const rows = statement(db, 'SELECT user_id AS userId, last_password_reset_at AS at FROM app_password_owners WHERE user_id IN (SELECT value FROM json_each(?)) AND last_password_reset_at IS NOT NULL').all(
    JSON.stringify(userIds),
  ) as { userId: string; at: string }[];
  return new Map(rows.map(({ userId, at }) => [userId, at]));
}

/** A tenant's sign-in attempts per UTC day (`YYYY-MM-DD`, from inclusive, to exclusive): uses by protocol, rejections by reason. */
export function signInsPerDay(db: ReadModelDatabase, tenantId: string, fromDay: string, toDay: string): { day: string; outcome: 'USED' | 'REJECTED'; detail: string; count: number }[] {
  return statement(db, 'SELECT day, outcome, detail, count FROM usage_tenant_daily WHERE tenant_id = ? AND day >= ? AND day < ? ORDER BY day, outcome, detail').all(tenantId, fromDay, toDay) as {
    day: string;
    outcome: 'USED' | 'REJECTED';
    detail: string;
    count: number;
  }[];
}

export type PolicyExceptionKind = 'OVER_LIMIT' | 'PAST_MAX_LIFETIME' | 'OWNER_WITHOUT_MFA' | 'SCOPE_OUTSIDE_POLICY';

export interface PolicyException {
  kind: PolicyExceptionKind;
  appPasswordId: string | null;
  userPrincipalName: string;
  label: string | null;
  detail: string;
}

const DAY_MS = 86_400_000;

/**
 * The active app passwords (and owners) the tenant's policy, as it stands now, does not allow:
 * owners holding more than the limit, credentials living longer than the maximum lifetime (issued
 * before the policy tightened, or without expiry), held by an owner without MFA, or with a scope
 * the policy no longer allows. Read a kind at a time, so memory stays flat whatever the tenant's size.
 */
export function* policyExceptions(db: ReadModelDatabase, tenantId: string, policy: TenantPolicy, now: Date): Generator<PolicyException[]> {
  const active = "l.tenant_id = @tenantId AND l.status = 'ACTIVE' AND (l.expires_at IS NULL OR l.expires_at > @now)";
  const params = { tenantId, now: now.toISOString(), limit: policy.maxActivePerUser, lifetimeMs: policy.maxLifetimeDays * DAY_MS, allowed: JSON.stringify(policy.allowedScopes) };
  const over = db
    .prepare(`SELECT l.user_principal_name AS upn, count(*) AS n FROM app_password_list l WHERE ${active} GROUP BY l.user_id HAVING count(*) > @limit ORDER BY upn`)
    .all(params) as { upn: string; n: number }[];
  yield over.map(({ upn, n }) => ({ kind: 'OVER_LIMIT', appPasswordId: null, userPrincipalName: upn, label: null, detail: `${n} active; the policy allows ${policy.maxActivePerUser}` }));
  const kinds: [PolicyExceptionKind, string, (row: Row) => string][] = [
    [
      'PAST_MAX_LIFETIME',
      `(l.expires_at IS NULL OR (julianday(l.expires_at) - julianday(l.created_at)) * ${DAY_MS} > @lifetimeMs)`,
      (row) => (row.expires_at ? `lives until ${row.expires_at}, longer than ${policy.maxLifetimeDays} days` : 'never expires'),
    ],
    ['OWNER_WITHOUT_MFA', 'EXISTS (SELECT 1 FROM user_list u WHERE u.user_id = l.user_id AND u.mfa_registered = 0)', () => 'the owner has no MFA registered'],
    [
      'SCOPE_OUTSIDE_POLICY',
      'EXISTS (SELECT 1 FROM json_each(l.scopes) s WHERE s.value NOT IN (SELECT value FROM json_each(@allowed)))',
      (row) => `scopes ${(JSON.parse(row.scopes) as string[]).filter((scope) => !policy.allowedScopes.includes(scope as never)).join(', ')} are not allowed`,
    ],
  ];
  for (const [kind, condition, detail] of kinds) {
    for (let after = ''; ; ) {
      const rows = db
        .prepare(`SELECT l.app_password_id, l.user_principal_name, l.label, l.scopes, l.expires_at FROM app_password_list l WHERE ${active} AND ${condition} AND l.app_password_id > @after ORDER BY l.app_password_id LIMIT 1000`)
        .all({ ...params, after }) as Row[];
      if (rows.length === 0) break;
      yield rows.map((row) => ({ kind, appPasswordId: row.app_password_id, userPrincipalName: row.user_principal_name, label: row.label, detail: detail(row) }));
      after = rows[rows.length - 1].app_password_id;
    }
  }
}

interface Row {
  app_password_id: string;
  user_principal_name: string;
  label: string;
  scopes: string;
  expires_at: string | null;
}

/** An active app password that expires soon, with its owner. */
export interface ExpiringAppPassword {
  appPasswordId: string;
  tenantId: string;
  userId: string;
  label: string;
  expiresAt: string;
}

/** Active app passwords expiring after `now` and no later than `until`, a thousand at a time. */
export function* expiringAppPasswords(db: ReadModelDatabase, now: Date, until: Date): Generator<ExpiringAppPassword[]> {
  for (let after = ''; ; ) {
    const rows = statement(
      db,
      `SELECT app_password_id AS appPasswordId, tenant_id AS tenantId, user_id AS userId, label, expires_at AS expiresAt FROM app_password_list
       WHERE status = 'ACTIVE' AND expires_at > ? AND expires_at <= ? AND app_password_id > ? ORDER BY app_password_id LIMIT 1000`,
    ).all(now.toISOString(), until.toISOString(), after) as ExpiringAppPassword[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].appPasswordId;
  }
}
