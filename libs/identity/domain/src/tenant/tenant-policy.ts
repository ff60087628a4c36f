import { badInput } from '@keyward/shared/domain';
import { isRole, type Role } from '../role';

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
  /**
   * Console roles whose holders must sign in with a second factor (TOTP or a passkey). Absent in
   * policies saved before console MFA: global admins, incident responders and auditors.
   */
  readonly consoleMfaRoles?: readonly Role[];
  /** Days from a user's creation during which the password alone still signs them in to enrol. Absent: 14. */
  readonly mfaGraceDays?: number;
}

/** Who must have a second factor for the console unless the policy says otherwise (Microsoft's security defaults: the privileged roles). */
export const DEFAULT_CONSOLE_MFA_ROLES: readonly Role[] = ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER', 'AUDITOR'];
export const DEFAULT_MFA_GRACE_DAYS = 14;

export function consoleMfaRolesOf(policy: TenantPolicy): readonly Role[] {
  return policy.consoleMfaRoles ?? DEFAULT_CONSOLE_MFA_ROLES;
}

export function mfaGraceDaysOf(policy: TenantPolicy): number {
  return policy.mfaGraceDays ?? DEFAULT_MFA_GRACE_DAYS;
}

/**
 * Where a user stands with the console's second factor under a policy: it is `satisfied` (they
 * have one) or `not-required` (none of their roles needs one); in `grace` until the deadline, when
 * the password alone still signs in and the console asks them to enrol; or `enrolment-required`,
 * when all they may do is enrol.
 */
export type ConsoleMfaStanding =
  | { readonly status: 'satisfied' | 'not-required' }
  | { readonly status: 'grace' | 'enrolment-required'; readonly deadline: Date };

export function consoleMfaStanding(
  user: { readonly roles: readonly Role[]; readonly hasSecondFactor: boolean; readonly createdAt: Date },
  policy: TenantPolicy,
  now: Date,
): ConsoleMfaStanding {
  if (user.hasSecondFactor) return { status: 'satisfied' };
  const required = consoleMfaRolesOf(policy);
  if (!user.roles.some((role) => required.includes(role))) return { status: 'not-required' };
  const deadline = new Date(user.createdAt.getTime() + mfaGraceDaysOf(policy) * 86_400_000);
  return { status: now < deadline ? 'grace' : 'enrolment-required', deadline };
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
  mfaGraceDays: { min: 0, max: 90 },
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
  if (policy.mfaGraceDays !== undefined) within('mfaGraceDays', policy.mfaGraceDays);
  const consoleMfaRoles = policy.consoleMfaRoles === undefined ? undefined : [...new Set(policy.consoleMfaRoles)];
  if (consoleMfaRoles?.some((role) => !isRole(role))) throw badInput('consoleMfaRoles must name console roles.');
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
    ...(consoleMfaRoles === undefined ? {} : { consoleMfaRoles: ROLE_ORDER.filter((role) => consoleMfaRoles.includes(role)) }),
    ...(policy.mfaGraceDays === undefined ? {} : { mfaGraceDays: policy.mfaGraceDays }),
  };
}

const ROLE_ORDER: readonly Role[] = ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER', 'AUDITOR', 'USER'];

export function isSamePolicy(a: TenantPolicy, b: TenantPolicy): boolean {
  return JSON.stringify(validatedPolicy(a)) === JSON.stringify(validatedPolicy(b));
}
