/**
 * The permissions of the server's one permission table
 * (libs/identity/domain/src/authorization/permissions.ts) that a signed-in user can hold.
 * `me.permissions` lists those the user holds; the console shows only what they allow.
 */
export const PERMISSIONS = [
  'users.read',
  'account.secure',
  'account.preferences',
  'users.manage',
  'appPasswords.read',
  'appPasswords.generate',
  'appPasswords.rename',
  'appPasswords.revoke',
  'dashboard.read',
  'auditTrail.read',
  'auditLog.export',
  'policy.read',
  'policy.change',
  'incidents.read',
  'incidents.respond',
  'leaks.scan',
  'alerts.acknowledge',
  'operations.read',
  'operations.retry',
  'apiTokens.create',
  'apiTokens.read',
  'apiTokens.revoke',
  'directory.provision',
  'reports.read',
  'reports.schedule',
  'accessReviews.read',
  'accessReviews.start',
  'accessReviews.decide',
  'accessReviews.attest',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Over what a permission is held: anything in the tenant, or only the user's own things. */
export type PermissionScope = 'TENANT' | 'OWN';

/** A permission the user holds, and over what. */
export interface Grant {
  permission: Permission;
  scope: PermissionScope;
}
