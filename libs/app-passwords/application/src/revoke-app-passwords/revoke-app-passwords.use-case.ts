import { Injectable } from '@nestjs/common';
import { isDomainError, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { authorizeFound, type Principal } from '@keyward/identity/domain';
import {
  appPasswordDecider,
  appPasswordStreamId,
  requireRevocationReason,
  statusAt,
  type AppPassword,
  type AppPasswordCommand,
  type ExistingAppPassword,
} from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';

/** Why and on whose behalf credentials are revoked: carried by every revocation event. */
export interface Revocation {
  readonly reason: string;
  readonly incidentRef: string | null;
  /** The revocation case the change is part of (incident response). */
  readonly caseId?: string | null;
}

/** A suspension or a reinstatement always belongs to a case: the case is what reinstates. */
export interface CaseChange {
  readonly reason: string;
  readonly incidentRef: string | null;
  readonly caseId: string;
}

/** What changing one credential came to: the change made (now or by the same case before), nothing, or a failure. */
export type RevocationOutcome =
  | { readonly appPasswordId: string; readonly outcome: 'REVOKED' | 'SUSPENDED' | 'REINSTATED' | 'UNCHANGED'; readonly state: ExistingAppPassword }
  | { readonly appPasswordId: string; readonly outcome: 'NOT_FOUND' }
  | { readonly appPasswordId: string; readonly outcome: 'FAILED'; readonly error: unknown };

/** Throws the first failure among the outcomes, so a caller that must not move on (a reactor) retries. */
export function throwIfAnyFailed(outcomes: readonly RevocationOutcome[]): void {
  const failed = outcomes.find((outcome) => outcome.outcome === 'FAILED');
  if (failed && failed.outcome === 'FAILED') throw failed.error;
}

/** Credentials changed at once: their appends share group commits, and no more are in flight than this. */
const CONCURRENCY = 1000;

/**
 * The one way app passwords are revoked (and, for incident cases, suspended and reinstated): by a
 * person (one, or all of a user's), by the idle sweep, by the reactor to a disabled user or a
 * password reset, and by revocation cases. Each credential is checked against the permission
 * table for the principal, then changed through its own stream with one event; revoking a revoked
 * credential writes nothing. Verification reads the credential's stream, so once this returns, no
 * verification of a revoked credential succeeds, on any node.
 */
@Injectable()
export class RevokeAppPasswords {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly credentials: Credentials,
  ) {}

  /** Revokes each credential; one failing does not stop the others. */
  revoke(principal: Principal, appPasswordIds: readonly string[], revocation: Revocation, context: CommandContext): Promise<RevocationOutcome[]> {
    const reason = requireRevocationReason(revocation.reason);
    const caseId = revocation.caseId ?? null;
    return this.changeEach(principal, appPasswordIds, context, {
      command: { type: 'RevokeAppPassword', data: { reason, incidentRef: revocation.incidentRef, caseId } },
      // Revoked by this very case before (a resumed case): it counts as this case's revocation.
      outcome: (changed, state) => (changed || (caseId !== null && state.revokedByCase === caseId) ? 'REVOKED' : 'UNCHANGED'),
    });
  }

  /** Suspends each credential that is active (quarantine, reversible by the case). */
  suspend(principal: Principal, appPasswordIds: readonly string[], suspension: CaseChange, context: CommandContext): Promise<RevocationOutcome[]> {
    const reason = requireRevocationReason(suspension.reason);
    return this.changeEach(principal, appPasswordIds, context, {
      command: { type: 'SuspendAppPassword', data: { reason, incidentRef: suspension.incidentRef, caseId: suspension.caseId, now: context.now } },
      outcome: (changed, state) => (changed || (state.status === 'SUSPENDED' && state.suspendedByCase === suspension.caseId) ? 'SUSPENDED' : 'UNCHANGED'),
    });
  }

  /** Makes active again each credential the case suspended; any other stays as it is. */
  reinstate(principal: Principal, appPasswordIds: readonly string[], change: Omit<CaseChange, 'incidentRef'>, context: CommandContext): Promise<RevocationOutcome[]> {
    const reason = requireRevocationReason(change.reason);
    return this.changeEach(principal, appPasswordIds, context, {
      command: { type: 'ReinstateAppPassword', data: { reason, caseId: change.caseId } },
      outcome: (changed) => (changed ? 'REINSTATED' : 'UNCHANGED'),
    });
  }

  /**
   * Revokes every app password of the user that is active now and, when `heldAt` is given, was
   * issued no later than that (a reactor replaying an old event touches only what was held then).
   */
  async revokeAllOf(principal: Principal, userId: string, revocation: Revocation, context: CommandContext, heldAt?: string): Promise<RevocationOutcome[]> {
    requireRevocationReason(revocation.reason);
    const { reservations } = await this.credentials.keyring(userId);
    const held = reservations.filter(({ reservedAt }) => heldAt === undefined || reservedAt <= heldAt).map(({ appPasswordId }) => appPasswordId);
    const states = await Promise.all(held.map((id) => this.credentials.load(id)));
    const active = held.filter((_, index) => {
      const state = states[index];
      return state.status !== 'none' && statusAt(state, context.now) === 'ACTIVE';
    });
    return this.revoke(principal, active, revocation, context);
  }

  private async changeEach(
    principal: Principal,
    appPasswordIds: readonly string[],
    context: CommandContext,
    change: { command: AppPasswordCommand; outcome: (changed: boolean, state: ExistingAppPassword) => 'REVOKED' | 'SUSPENDED' | 'REINSTATED' | 'UNCHANGED' },
  ): Promise<RevocationOutcome[]> {
    const outcomes: RevocationOutcome[] = [];
    for (let start = 0; start < appPasswordIds.length; start += CONCURRENCY) {
      const slice = appPasswordIds.slice(start, start + CONCURRENCY);
      outcomes.push(...(await Promise.all(slice.map((id) => this.changeOne(principal, id, context, change)))));
    }
    return outcomes;
  }

  private async changeOne(
    principal: Principal,
    appPasswordId: string,
    context: CommandContext,
    change: { command: AppPasswordCommand; outcome: (changed: boolean, state: ExistingAppPassword) => 'REVOKED' | 'SUSPENDED' | 'REINSTATED' | 'UNCHANGED' },
  ): Promise<RevocationOutcome> {
    try {
      // One read: the permission is checked on the state the decision is made on.
      const authorized = (state: AppPassword): AppPasswordCommand => {
        const target = state.status === 'none' ? null : { tenantId: state.tenantId, ownerId: state.userId };
        authorizeFound(principal, 'appPasswords.revoke', target, 'No such app password.');
        return change.command;
      };
      const { events, state } = await this.aggregates.handle(appPasswordStreamId(appPasswordId), appPasswordDecider, authorized, context);
      const existing = state as ExistingAppPassword;
      return { appPasswordId, outcome: change.outcome(events.length > 0, existing), state: existing };
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return { appPasswordId, outcome: 'NOT_FOUND' };
      if (isDomainError(error) && error.code === 'FORBIDDEN') throw error;
      return { appPasswordId, outcome: 'FAILED', error };
    }
  }
}
