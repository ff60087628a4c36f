import type { TenantMailServerInfo } from './mail-setup';
import type { Scope, UserRef } from './app-password';

/** What the generate form asks for. */
export interface GenerationRequest {
  /** The owner's principal name as typed, when the form asks for one; null for a fixed owner. */
  owner: string | null;
  label: string;
  scopes: Scope[];
  /** Days until it expires; null for the policy's maximum. */
  expiresInDays: number | null;
}

/** A generation as its dialog shows it. */
export interface GenerationState {
  isOpen: boolean;
  /** Whether the form asks whose app password it is (false: a fixed owner, often oneself). */
  isForOthers: boolean;
  /** The scopes the tenant policy allows, and its longest lifetime. */
  allowedScopes: Scope[];
  maxLifetimeDays: number;
  /** Users whose principal name matches what was typed as the owner. */
  userOptions: UserRef[];
  /** The new secret, shown once; null until generated and again once the dialog closes. */
  secret: string | null;
  /** A single-use link (10 minutes) to an Apple profile that sets up Mail with the new app password; null when not offered. */
  appleProfileUrl: string | null;
  /** Whose the new app password is (the user name the app signs in with), once generated. */
  ownerUserPrincipalName: string | null;
  /** The tenant's mail servers, for the set-up steps; null until known. */
  mailServers: TenantMailServerInfo | null;
  isBusy: boolean;
  /** The last failure's message, or ''. */
  error: string;
}
