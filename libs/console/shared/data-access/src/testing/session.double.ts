import type { Permission } from '../permission';

/** The session as far as a page asks in a test: which permissions the user holds, each over the whole tenant. */
export class SessionDouble {
  constructor(private readonly granted: readonly Permission[]) {}

  can(permission: Permission): boolean {
    return this.granted.includes(permission);
  }
}
