import type { Actor } from '@keyward/shared/domain';
import type { Role } from '../role';

/** A signed-in user: a console session, or an API token acting for its creator. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly tenantId: string;
  readonly userPrincipalName: string;
  /** A session's: the user's roles. A token's: its one role, while its creator still holds it. */
  readonly roles: readonly Role[];
  /** The API token that acts, when one does: the actor its events record is the token. */
  readonly apiTokenId?: string;
  /** A console session's: how it was opened, with the console password or with single sign-on. */
  readonly signInMethod?: SignInMethod;
  /** A console session's: whether its sign-in or last step-up is recent enough for sensitive operations. */
  readonly isRecentlyAuthenticated?: boolean;
  /** A console session's: its user must enrol a second factor, and may do nothing else until then. */
  readonly mustEnrol?: boolean;
}

export type SignInMethod = 'password' | 'sso';

/** A background process of Keyward acting in one tenant (the idle sweep, a reactor). */
export interface SystemPrincipal {
  readonly kind: 'system';
  /** `idle-revocation`, `revoke-on-disable`…: the actor is `system:<process>`. */
  readonly process: string;
  readonly tenantId: string;
}

/** A gateway asking whether a sign-in may pass (nginx, a mail server's password database). */
export interface GatewayPrincipal {
  readonly kind: 'gateway';
  readonly name: string;
  /** Whether a gateway token proved the name (KEYWARD_GATEWAY_TOKENS); an unproven gateway is `verify`. */
  readonly proven?: boolean;
}

/** Whoever asks Keyward to do something; the permission table says what each may do. */
export type Principal = UserPrincipal | SystemPrincipal | GatewayPrincipal;

/** The actor a principal's events record. */
export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return principal.apiTokenId ? `token:${principal.apiTokenId}` : `user:${principal.userId}`;
    case 'system':
      return `system:${principal.process}`;
    case 'gateway':
      return `gateway:${principal.name}`;
  }
}

export function systemPrincipal(process: string, tenantId: string): SystemPrincipal {
  return { kind: 'system', process, tenantId };
}
