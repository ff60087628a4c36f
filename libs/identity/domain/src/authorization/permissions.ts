import { DomainError, forbidden, notFound } from '@keyward/shared/domain';
import type { Role } from '../role';
import type { Principal } from './principal';

const EVERY_ROLE: readonly Role[] = ['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER', 'USER'];
const READERS: readonly Role[] = ['GLOBAL_ADMIN', 'AUDITOR', 'INCIDENT_RESPONDER'];

/** Who holds a permission: roles over the whole tenant, roles over what is their own, processes, gateways. */
interface Rule {
  readonly description: string;
  /** Roles that hold it for anything in their tenant. */
  readonly tenant: readonly Role[];
  /** Roles that hold it only for what is theirs (their own app passwords, their own user). */
  readonly own?: readonly Role[];
  /** Keyward's own processes (`system:<process>`) that hold it, in the tenant they act for. */
  readonly system?: readonly string[];
  /** Whether gateways hold it: any gateway, or only one whose name its token proved. */
  readonly gateway?: boolean | 'proven';
  /**
   * Sensitive: a console session needs a recent authentication (its sign-in or a step-up within
   * KEYWARD_STEP_UP_SECONDS), like GitHub's sudo mode. An API token needs none: creating it did.
   */
  readonly stepUp?: true;
  /** Held, over what is one's own, by a user who must enrol a second factor before anything else. */
  readonly whileEnrolling?: true;
}

/**
 * The permission table: the one place that says who may do what. Every GraphQL operation and
 * HTTP route declares one of these, a guard checks it before anything runs, and handlers check it
 * again against the thing acted on (its tenant, its owner). The console shows what `me.permissions`
 * lists and hides the rest.
 */
export const PERMISSIONS = {
  'users.read': { description: "Read users: the tenant's, or one's own", tenant: READERS, own: EVERY_ROLE, whileEnrolling: true },
  'account.secure': {
    description: "Register one's own second factors (an authenticator app, passkeys) and confirm one's identity again",
    tenant: [],
    own: EVERY_ROLE,
    whileEnrolling: true,
  },
  'account.preferences': { description: 'Choose which mail one receives (expiry reminders; revocation notices always come)', tenant: [], own: EVERY_ROLE },
  'notices.read': { description: "Read the mail Keyward sent: the tenant's, or one's own", tenant: READERS, own: EVERY_ROLE },
  'users.manage': { description: 'Create, disable and enable users; reset console passwords', tenant: ['GLOBAL_ADMIN'] },
  'directory.provision': {
    description: "Provision the tenant's users and their role groups from a directory over SCIM, with an API token",
    tenant: ['GLOBAL_ADMIN'],
    // Single sign-on creates a user it authenticated (no directory provisions the tenant) and sets their roles from the ID token.
    system: ['oidc-sign-in'],
  },
  'appPasswords.read': { description: 'Read app passwords and their sign-ins', tenant: READERS, own: ['USER'] },
  'appPasswords.generate': { description: 'Generate app passwords', tenant: ['GLOBAL_ADMIN'], own: ['USER'], stepUp: true },
  'appPasswords.rename': { description: 'Rename app passwords', tenant: ['GLOBAL_ADMIN'], own: ['USER'] },
  'appPasswords.revoke': {
    description: 'Revoke app passwords',
    tenant: ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER'],
    own: ['USER'],
    system: ['idle-revocation', 'revoke-on-disable', 'revoke-on-password-reset', 'revocation-case', 'leak-report', 'access-review'],
  },
  'appPasswords.verify': { description: 'Ask whether a sign-in with an app password may pass', tenant: [], gateway: true },
  'appPasswords.identifyClient': { description: 'Name the mail client of a sign-in the gateway recorded', tenant: [], gateway: 'proven' },
  'dashboard.read': { description: 'Read the tenant dashboard', tenant: READERS },
  'auditTrail.read': { description: "Read the tenant's audit trail", tenant: READERS },
  'auditLog.export': {
    description: "Export the tenant's signed audit log, usage history and inventory as bundles; read its signed checkpoints",
    tenant: ['GLOBAL_ADMIN', 'AUDITOR'],
    stepUp: true,
  },
  'policy.read': { description: 'Read the tenant policy', tenant: EVERY_ROLE },
  'policy.change': { description: 'Change the tenant policy', tenant: ['GLOBAL_ADMIN'], stepUp: true },
  'incidents.read': { description: 'Read revocation cases and alerts', tenant: READERS },
  'incidents.respond': {
    description: 'Revoke or suspend app passwords in bulk as a case; cancel and reinstate cases',
    tenant: ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER'],
    system: ['leak-report'],
    stepUp: true,
  },
  'leaks.scan': { description: 'Scan text for leaked app passwords', tenant: ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER'] },
  'alerts.acknowledge': { description: 'Acknowledge alerts', tenant: ['GLOBAL_ADMIN', 'INCIDENT_RESPONDER'] },
  'apiTokens.create': { description: 'Create API tokens that act as oneself, with one of one\'s roles', tenant: [], own: EVERY_ROLE, stepUp: true },
  'apiTokens.read': { description: "Read API tokens: the tenant's, or one's own", tenant: ['GLOBAL_ADMIN'], own: EVERY_ROLE },
  'apiTokens.revoke': { description: "Revoke API tokens: the tenant's, or one's own", tenant: ['GLOBAL_ADMIN'], own: EVERY_ROLE },
  'reports.read': {
    description: 'Download compliance reports (inventory as of a date, dormant, survived a reset, changes, policy exceptions, sign-ins, access reviews)',
    tenant: ['GLOBAL_ADMIN', 'AUDITOR'],
  },
  'reports.schedule': { description: 'Schedule compliance reports to be mailed weekly or monthly within the organisation, and cancel schedules', tenant: ['GLOBAL_ADMIN', 'AUDITOR'] },
  'accessReviews.read': {
    description: "Read access reviews: the tenant's, or those one reviews or has an app password in",
    tenant: ['GLOBAL_ADMIN', 'AUDITOR'],
    own: EVERY_ROLE,
  },
  'accessReviews.start': { description: 'Start access reviews of app passwords, naming their reviewers', tenant: ['GLOBAL_ADMIN'] },
  'accessReviews.decide': {
    description: 'Decide (keep or revoke) the items of a review one is a reviewer of, never one\'s own app password',
    tenant: [],
    own: EVERY_ROLE,
  },
  'accessReviews.attest': { description: "Confirm that one's own app password under review is still needed", tenant: [], own: EVERY_ROLE },
  'operations.read': { description: "Read this node's health: dead letters of the tenant's events", tenant: ['GLOBAL_ADMIN'] },
  'operations.retry': { description: 'Retry a dead letter', tenant: ['GLOBAL_ADMIN'] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Over what a principal holds a permission: everything in its tenant, or only what is its own. */
export type PermissionScope = 'TENANT' | 'OWN';

/** What a permission is checked against: the thing's tenant and, where it has one, its owner. */
export interface Target {
  readonly tenantId: string;
  readonly ownerId?: string | null;
}

export function isPermission(value: string): value is Permission {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

/** The scope over which the principal holds the permission, or null if it does not hold it at all. */
export function scopeOf(principal: Principal, permission: Permission): PermissionScope | null {
  const rule: Rule = PERMISSIONS[permission];
  switch (principal.kind) {
    case 'user': {
      if (principal.mustEnrol && !rule.whileEnrolling) return null;
      const own = principal.roles.some((role) => rule.own?.includes(role)) ? 'OWN' : null;
      if (principal.mustEnrol) return own;
      return principal.roles.some((role) => rule.tenant.includes(role)) ? 'TENANT' : own;
    }
    case 'system':
      return rule.system?.includes(principal.process) ? 'TENANT' : null;
    case 'gateway':
      return rule.gateway === true || (rule.gateway === 'proven' && principal.proven === true) ? 'TENANT' : null;
  }
}

/**
 * Whether the permission needs a step-up the principal has not made: a console session whose last
 * authentication is older than KEYWARD_STEP_UP_SECONDS, for a sensitive permission.
 */
export function needsStepUp(principal: Principal, permission: Permission): boolean {
  const rule: Rule = PERMISSIONS[permission];
  return rule.stepUp === true && principal.kind === 'user' && principal.apiTokenId === undefined && principal.isRecentlyAuthenticated === false;
}

/** The refusal of a sensitive operation without a recent authentication (DESIGN §8: POST /auth/step-up). */
export const stepUpRequired = () =>
  new DomainError('STEP_UP_REQUIRED', 'Confirm your identity first: enter your password (and second factor) again. Sensitive actions need a sign-in within the last few minutes.');

/**
 * Whether the principal may do this; with a target, to that thing: it must be in the principal's
 * tenant and, for an OWN grant, belong to the principal.
 */
export function can(principal: Principal, permission: Permission, target?: Target): boolean {
  const scope = scopeOf(principal, permission);
  if (scope === null) return false;
  if (target === undefined || principal.kind === 'gateway') return true;
  if (target.tenantId !== principal.tenantId) return false;
  return scope === 'TENANT' || (principal.kind === 'user' && target.ownerId === principal.userId);
}

/**
 * Throws unless `can(principal, permission, target)`: FORBIDDEN when the principal does not hold
 * the permission at all, NOT_FOUND when it does but not for this thing (another tenant's, another
 * user's), so that ids outside one's reach reveal nothing.
 */
export function authorize(principal: Principal, permission: Permission, target?: Target, notFoundMessage = 'Not found.'): void {
  if (scopeOf(principal, permission) === null) throw forbidden(`This needs the permission ${permission}.`);
  if (!can(principal, permission, target)) throw notFound(notFoundMessage);
}

/**
 * `authorize` for a thing looked up by id: `target` null means there is no such thing, which is
 * NOT_FOUND for a principal that holds the permission (and FORBIDDEN for one that does not), the
 * same answer as a thing out of reach.
 */
export function authorizeFound(principal: Principal, permission: Permission, target: Target | null, notFoundMessage: string): void {
  authorize(principal, permission, target ?? undefined, notFoundMessage);
  if (target === null) throw notFound(notFoundMessage);
}

/** Throws FORBIDDEN unless the principal holds the permission over its whole tenant (a list of everyone's, say). */
export function authorizeTenantWide(principal: Principal, permission: Permission): void {
  if (scopeOf(principal, permission) !== 'TENANT') throw forbidden(`This needs the permission ${permission} over the whole tenant.`);
}

/** Every permission the principal holds, with its scope: what the console reads to shape itself. */
export function grantsOf(principal: Principal): { permission: Permission; scope: PermissionScope }[] {
  return PERMISSION_NAMES.flatMap((permission) => {
    const scope = scopeOf(principal, permission);
    return scope === null ? [] : [{ permission, scope }];
  });
}
