/** What a console user may do. A user may hold several roles. */
export const ROLES = ['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER', 'USER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that may read every credential and event of their tenant. */
export function hasTenantWideRead(roles: readonly Role[]): boolean {
  return roles.some((role) => role === 'GLOBAL_ADMIN' || role === 'AUDITOR' || role === 'INCIDENT_RESPONDER');
}
