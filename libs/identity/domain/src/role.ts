/** What a console user may do. A user may hold several roles; PERMISSIONS says what each allows. */
export const ROLES = ['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER', 'USER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
