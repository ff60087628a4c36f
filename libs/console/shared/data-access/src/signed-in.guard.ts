import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/** Sends a visitor without a session to the sign-in page. */
export const signedIn: CanActivateFn = async () => {
  const router = inject(Router);
  const isSignedIn = await inject(SessionStore).restore();
  return isSignedIn || router.parseUrl('/sign-in');
};

/**
 * Keeps tenant-wide pages out of a plain user's way. Only the interface: the server refuses
 * their data to anyone without the role, whatever the browser does.
 */
export const tenantWideReader: CanActivateFn = () => {
  const session = inject(SessionStore);
  return session.hasTenantWideRead() || inject(Router).parseUrl(session.homePath());
};

/** Sends `/` to where the signed-in user starts. */
export const home: CanActivateFn = () => inject(Router).parseUrl(inject(SessionStore).homePath());
