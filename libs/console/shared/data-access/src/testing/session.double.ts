import type { Permission, PermissionScope } from '../permission';

/** Who the doubled session says is signed in. */
export interface SignedInDouble {
  id: string;
  userPrincipalName: string;
}

/**
 * The session as far as a page asks in a test: which permissions the user holds over the whole
 * tenant (`granted`), which only over their own things (`own`), and who they are.
 */
export class SessionDouble {
  constructor(
    private readonly granted: readonly Permission[],
    private readonly own: readonly Permission[] = [],
    private readonly signedIn: SignedInDouble = { id: 'u-me', userPrincipalName: 'me@contoso.example' },
  ) {}

  me(): SignedInDouble {
    return this.signedIn;
  }

  scopeOf(permission: Permission): PermissionScope | null {
    if (this.granted.includes(permission)) return 'TENANT';
    return this.own.includes(permission) ? 'OWN' : null;
  }

  can(permission: Permission, ownerId?: string | null): boolean {
    const scope = this.scopeOf(permission);
    return scope === 'TENANT' || (scope === 'OWN' && !!ownerId && ownerId === this.signedIn.id);
  }
}
