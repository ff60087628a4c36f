import { assertUnreachable, badInput, conflict, notFound, optionalLine, policyViolation, requireLine } from '@keyward/shared/domain';
import type { AppPasswordScope, TenantPolicy } from '@keyward/identity/domain';
import { APP_PASSWORD_SCOPES } from '@keyward/identity/domain';
import type { AppPasswordEvent, AppPasswordGenerated } from './app-password.events';

export type AppPasswordStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';

export type AppPassword =
  | { status: 'none' }
  | (AppPasswordGenerated['data'] & {
      status: AppPasswordStatus;
      /** Why it was revoked; absent while it is not. */
      revokeReason?: string | null;
      /** The case that suspended it, while it is suspended. */
      suspendedByCase?: string | null;
      /** The case that revoked it, when a case did. */
      revokedByCase?: string | null;
    });
export type ExistingAppPassword = Exclude<AppPassword, { status: 'none' }>;

/** What generation needs to know about the owner, taken from other aggregates by the handler. */
export interface Owner {
  readonly userId: string;
  readonly tenantId: string;
  readonly isEnabled: boolean;
  readonly hasMfa: boolean;
  /** Active app passwords the owner holds now. */
  readonly activeCount: number;
}

export type GenerateAppPassword = {
  type: 'GenerateAppPassword';
  data: {
    appPasswordId: string;
    owner: Owner;
    policy: TenantPolicy;
    label: string;
    scopes?: readonly string[] | null;
    expiresInDays?: number | null;
    secretHash: string;
    now: Date;
  };
};
export type RenameAppPassword = { type: 'RenameAppPassword'; data: { label: string } };
export type RevokeAppPassword = {
  type: 'RevokeAppPassword';
  data: { reason: string; incidentRef?: string | null; caseId?: string | null };
};
export type ExpireAppPassword = { type: 'ExpireAppPassword'; data: { now: Date } };
/** Quarantine: reversible, unlike a revocation; only an active credential is suspended. */
export type SuspendAppPassword = { type: 'SuspendAppPassword'; data: { reason: string; incidentRef?: string | null; caseId: string; now: Date } };
/** Lifts the suspension the case made; a credential suspended by another case, or revoked since, stays as it is. */
export type ReinstateAppPassword = { type: 'ReinstateAppPassword'; data: { reason: string; caseId: string } };
export type AppPasswordCommand =
  | GenerateAppPassword
  | RenameAppPassword
  | RevokeAppPassword
  | ExpireAppPassword
  | SuspendAppPassword
  | ReinstateAppPassword;

const DAY_MS = 86_400_000;

/** The status as of `now`: an active or suspended credential past its expiry is expired, event or not. */
export function statusAt(state: ExistingAppPassword, now: Date): AppPasswordStatus {
  if ((state.status === 'ACTIVE' || state.status === 'SUSPENDED') && isPast(state.expiresAt, now)) return 'EXPIRED';
  return state.status;
}

export const appPasswordDecider = {
  initialState: (): AppPassword => ({ status: 'none' }),

  decide(command: AppPasswordCommand, state: AppPassword): AppPasswordEvent[] {
    switch (command.type) {
      case 'GenerateAppPassword':
        if (state.status !== 'none') throw conflict('This app password exists already.');
        return [generate(command.data)];
      case 'RenameAppPassword': {
        const existing = requireExisting(state);
        const label = requireLabel(command.data.label);
        return label === existing.label ? [] : [{ type: 'AppPasswordRenamed', data: { appPasswordId: existing.appPasswordId, label } }];
      }
      case 'RevokeAppPassword':
        return revoke(command.data, requireExisting(state));
      case 'ExpireAppPassword': {
        const existing = requireExisting(state);
        return existing.status === 'ACTIVE' && isPast(existing.expiresAt, command.data.now)
          ? [{ type: 'AppPasswordExpired', data: { appPasswordId: existing.appPasswordId } }]
          : [];
      }
      case 'SuspendAppPassword':
        return suspend(command.data, requireExisting(state));
      case 'ReinstateAppPassword': {
        const existing = requireExisting(state);
        const reason = requireRevocationReason(command.data.reason);
        if (existing.status !== 'SUSPENDED' || existing.suspendedByCase !== command.data.caseId) return [];
        return [{ type: 'AppPasswordReinstated', data: { appPasswordId: existing.appPasswordId, reason, caseId: command.data.caseId } }];
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: AppPassword, event: AppPasswordEvent): AppPassword {
    switch (event.type) {
      case 'AppPasswordGenerated':
        return { status: 'ACTIVE', ...event.data };
      case 'AppPasswordRenamed':
        return state.status === 'none' ? state : { ...state, label: event.data.label };
      case 'AppPasswordRevoked':
        return state.status === 'none' ? state : { ...state, status: 'REVOKED', revokeReason: event.data.reason, revokedByCase: event.data.caseId ?? null, suspendedByCase: null };
      case 'AppPasswordExpired':
        return state.status === 'ACTIVE' || state.status === 'SUSPENDED' ? { ...state, status: 'EXPIRED', suspendedByCase: null } : state;
      case 'AppPasswordSuspended':
        return state.status === 'ACTIVE' ? { ...state, status: 'SUSPENDED', suspendedByCase: event.data.caseId } : state;
      case 'AppPasswordReinstated':
        return state.status === 'SUSPENDED' ? { ...state, status: 'ACTIVE', suspendedByCase: null } : state;
      default:
        return assertUnreachable(event);
    }
  },
};

function generate(data: GenerateAppPassword['data']): AppPasswordGenerated {
  const { owner, policy } = data;
  if (!owner.isEnabled) throw policyViolation('A disabled user cannot hold app passwords.');
  if (policy.isMfaRequired && !owner.hasMfa) {
    throw policyViolation('The user must register multi-factor authentication before holding app passwords.');
  }
  if (owner.activeCount >= policy.maxActivePerUser) {
    throw policyViolation(`The user already holds the maximum of ${policy.maxActivePerUser} active app passwords.`, {
      maxActivePerUser: policy.maxActivePerUser,
    });
  }
  return {
    type: 'AppPasswordGenerated',
    data: {
      appPasswordId: data.appPasswordId,
      userId: owner.userId,
      tenantId: owner.tenantId,
      label: requireLabel(data.label),
      scopes: requireScopes(data.scopes, policy),
      expiresAt: expiry(data.expiresInDays, policy, data.now),
      secretHash: data.secretHash,
    },
  };
}

/** A revocation's reason, trimmed; BAD_USER_INPUT unless it is 1 to 500 characters of plain text on one line. */
export function requireRevocationReason(input: string): string {
  return requireLine(input, 500, 'A reason of 1 to 500 characters on one line is required, without control or invisible characters.');
}

/** An incident reference (a ticket number, a case URL), trimmed: 1 to 200 characters on one line, or none. */
export function optionalIncidentRef(input: string | null | undefined): string | null {
  return optionalLine(input, 200, 'An incident reference is 1 to 200 characters on one line (a ticket number, say), without control or invisible characters.');
}

function revoke(data: RevokeAppPassword['data'], state: ExistingAppPassword): AppPasswordEvent[] {
  const reason = requireRevocationReason(data.reason);
  // Revoking is idempotent: a revoked credential stays revoked and gets no second event.
  if (state.status === 'REVOKED') return [];
  const incidentRef = optionalIncidentRef(data.incidentRef);
  const caseId = data.caseId ?? null;
  return [{ type: 'AppPasswordRevoked', data: { appPasswordId: state.appPasswordId, reason, incidentRef, ...(caseId ? { caseId } : {}) } }];
}

function suspend(data: SuspendAppPassword['data'], state: ExistingAppPassword): AppPasswordEvent[] {
  const reason = requireRevocationReason(data.reason);
  // Only what works can be suspended; suspending twice, or a revoked or expired credential, changes nothing.
  if (statusAt(state, data.now) !== 'ACTIVE') return [];
  const incidentRef = optionalIncidentRef(data.incidentRef);
  return [{ type: 'AppPasswordSuspended', data: { appPasswordId: state.appPasswordId, reason, incidentRef, caseId: data.caseId } }];
}

function requireExisting(state: AppPassword): ExistingAppPassword {
  if (state.status === 'none') throw notFound('No such app password.');
  return state;
}

function requireLabel(input: string): string {
  return requireLine(input, 100, 'The label must be 1 to 100 characters on one line, without control or invisible characters.');
}

function requireScopes(input: readonly string[] | null | undefined, policy: TenantPolicy): AppPasswordScope[] {
  const requested = input && input.length > 0 ? [...new Set(input)] : [...policy.allowedScopes];
  const unknown = requested.find((scope) => !(APP_PASSWORD_SCOPES as readonly string[]).includes(scope));
  if (unknown !== undefined) throw badInput(`Unknown scope: ${unknown}`);
  const forbidden = requested.find((scope) => !(policy.allowedScopes as readonly string[]).includes(scope));
  if (forbidden !== undefined) throw policyViolation(`The tenant's policy does not allow the scope ${forbidden}.`);
  return APP_PASSWORD_SCOPES.filter((scope) => requested.includes(scope));
}

function expiry(days: number | null | undefined, policy: TenantPolicy, now: Date): string {
  const lifetime = days ?? policy.maxLifetimeDays;
  if (!Number.isInteger(lifetime) || lifetime < 1) throw badInput('expiresInDays must be a whole number of at least 1.');
  if (lifetime > policy.maxLifetimeDays) {
    throw policyViolation(`The tenant's policy allows at most ${policy.maxLifetimeDays} days.`);
  }
  const expiresAt = now.getTime() + lifetime * DAY_MS;
  // A clock reading that is no date, or an expiry past what a date can hold, is refused as a domain error, not a RangeError.
  if (!Number.isFinite(expiresAt) || Math.abs(expiresAt) > 8.64e15) throw badInput('The expiry cannot be computed from this time.');
  return new Date(expiresAt).toISOString();
}

function isPast(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
}
