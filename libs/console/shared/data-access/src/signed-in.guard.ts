import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/** Sends a visitor without a session to the sign-in page. */
export const signedIn: CanActivateFn = async () => {
  const router = inject(Router);
  const isSignedIn = await inject(SessionStore).restore();
  return isSignedIn || router.parseUrl('/sign-in');
};
