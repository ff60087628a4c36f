import { inject } from '@angular/core';
import { Router, type CanActivateChildFn, type CanActivateFn, type CanMatchFn } from '@angular/router';
import type { Permission, PermissionScope } from './permission';
import { SessionStore } from './session.store';

/** Sends a visitor without a session to the sign-in page. */
export const signedIn: CanActivateFn = async () => {
  const router = inject(Router);
  const isSignedIn = await inject(SessionStore).restore();
  return isSignedIn || router.parseUrl('/sign-in');
};

/** A user who must enrol a second factor first (the policy's grace period is over) sees only the security page. */
export const enrolFirst: CanActivateChildFn = (_route, state) => {
  const session = inject(SessionStore);
  return !session.mustEnrol() || state.url.startsWith('/me/security') || inject(Router).parseUrl('/me/security');
};

/**
 * Opens a tenant-wide page only to whoever holds its permission over the whole tenant; anyone
 * else goes where they start. A page that shows each user their own share (`scope` OWN: the
 * access reviews one reviews or has an app password in) opens to an OWN grant too. Only the
 * interface: the server refuses the page's data to anyone without the permission, whatever the
 * browser does.
 */
export function requires(permission: Permission, scope: PermissionScope = 'TENANT'): CanActivateFn {
  return () => {
    const session = inject(SessionStore);
    const isHeld = scope === 'OWN' ? session.scopeOf(permission) !== null : session.can(permission);
    return isHeld || inject(Router).parseUrl(session.homePath());
  };
}

/** Sends `/` to where the signed-in user starts. */
export const home: CanActivateFn = () => inject(Router).parseUrl(inject(SessionStore).homePath());

/**
 * Matches a route only for whoever holds the permission over the whole tenant, so that the next
 * route with the same path (a "not allowed" page, say) serves everyone else at the same URL.
 * Matching runs before any parent's canActivate, so it loads the session first.
 */
export function holds(permission: Permission): CanMatchFn {
  return async () => {
    const session = inject(SessionStore);
    await session.restore();
    return session.can(permission);
  };
}
