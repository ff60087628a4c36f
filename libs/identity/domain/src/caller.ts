import { forbidden } from '@keyward/shared/domain';
import type { Role } from './role';

/** The signed-in user on whose behalf a command or query runs. */
export interface Caller {
  readonly userId: string;
  readonly tenantId: string;
  readonly userPrincipalName: string;
  readonly roles: readonly Role[];
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}

/** Throws FORBIDDEN unless the caller holds one of the roles. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!hasRole(caller, ...roles)) throw forbidden(`This needs one of the roles ${roles.join(', ')}.`);
}
