export const APP_PASSWORD_SCOPES = ['imap', 'pop', 'smtp', 'http'] as const;
export type AppPasswordScope = (typeof APP_PASSWORD_SCOPES)[number];

/** A tenant's rules for app passwords. */
export interface TenantPolicy {
  /** Most active app passwords one user may hold (Microsoft's limit is 40). */
  readonly maxActivePerUser: number;
  /** Longest lifetime of an app password, in days. */
  readonly maxLifetimeDays: number;
  /** Unused app passwords are revoked after this many days; null: never. */
  readonly idleRevocationDays: number | null;
  readonly allowedScopes: readonly AppPasswordScope[];
  /** Whether a user must have registered MFA to hold an app password. */
  readonly isMfaRequired: boolean;
  /** Whether a password reset revokes all of the user's app passwords (Microsoft's does not). */
  readonly revokesOnPasswordReset: boolean;
  /** Whether disabling a user revokes all of the user's app passwords. */
  readonly revokesOnDisable: boolean;
}

export const DEFAULT_TENANT_POLICY: TenantPolicy = {
  maxActivePerUser: 40,
  maxLifetimeDays: 365,
  idleRevocationDays: 90,
  allowedScopes: APP_PASSWORD_SCOPES,
  isMfaRequired: true,
  revokesOnPasswordReset: true,
  revokesOnDisable: true,
};
