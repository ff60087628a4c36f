import { badInput } from '@keyward/shared/domain';

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
  /** Longest lifetime of an API token, in days; absent in policies saved before tokens: 365. */
  readonly maxApiTokenDays?: number;
  /**
   * Whether console users may sign in with a password; false: only with single sign-on. Absent in
   * policies saved before single sign-on: true.
   */
  readonly isPasswordSignInAllowed?: boolean;
}

/** Whether the tenant's users may sign in to the console with a password. */
export function isPasswordSignInAllowed(policy: TenantPolicy): boolean {
  return policy.isPasswordSignInAllowed ?? true;
}

/** The longest an API token may live in a tenant with this policy. */
export function maxApiTokenDaysOf(policy: TenantPolicy): number {
  return policy.maxApiTokenDays ?? POLICY_LIMITS.maxApiTokenDays.max;
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

/** Bounds of each numeric setting; outside them a change is refused. */
export const POLICY_LIMITS = {
  maxActivePerUser: { min: 1, max: 100 },
  maxLifetimeDays: { min: 1, max: 3650 },
  idleRevocationDays: { min: 1, max: 3650 },
  maxApiTokenDays: { min: 1, max: 365 },
} as const;

/** The policy with its scopes de-duplicated in canonical order; BAD_USER_INPUT if a setting is out of bounds. */
export function validatedPolicy(policy: TenantPolicy): TenantPolicy {
  const within = (name: keyof typeof POLICY_LIMITS, value: number) => {
    const { min, max } = POLICY_LIMITS[name];
    if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${name} must be a whole number from ${min} to ${max}.`);
  };
  within('maxActivePerUser', policy.maxActivePerUser);
  within('maxLifetimeDays', policy.maxLifetimeDays);
  if (policy.idleRevocationDays !== null) within('idleRevocationDays', policy.idleRevocationDays);
  if (policy.maxApiTokenDays !== undefined) within('maxApiTokenDays', policy.maxApiTokenDays);
  const unknown = policy.allowedScopes.find((scope) => !(APP_PASSWORD_SCOPES as readonly string[]).includes(scope));
  if (unknown !== undefined) throw badInput(`Unknown scope: ${unknown}.`);
  const allowedScopes = APP_PASSWORD_SCOPES.filter((scope) => policy.allowedScopes.includes(scope));
  if (allowedScopes.length === 0) throw badInput('Allow at least one scope.');
  return {
    maxActivePerUser: policy.maxActivePerUser,
    maxLifetimeDays: policy.maxLifetimeDays,
    idleRevocationDays: policy.idleRevocationDays,
    allowedScopes,
    isMfaRequired: policy.isMfaRequired,
    revokesOnPasswordReset: policy.revokesOnPasswordReset,
    revokesOnDisable: policy.revokesOnDisable,
    ...(policy.maxApiTokenDays === undefined ? {} : { maxApiTokenDays: policy.maxApiTokenDays }),
    ...(policy.isPasswordSignInAllowed === undefined || policy.isPasswordSignInAllowed ? {} : { isPasswordSignInAllowed: false }),
  };
}

export function isSamePolicy(a: TenantPolicy, b: TenantPolicy): boolean {
  return JSON.stringify(validatedPolicy(a)) === JSON.stringify(validatedPolicy(b));
}
