import { Injectable } from '@nestjs/common';
import { isDomainError, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import type { Principal } from '@keyward/identity/domain';
import {
  appPasswordDecider,
  appPasswordStreamId,
  requireRevocationReason,
  statusAt,
  type ExistingAppPassword,
} from '@keyward/app-passwords/domain';
import { Credentials } from '../credentials/credentials.repository';

/** Why and on whose behalf credentials are revoked: carried by every revocation event. */
export interface Revocation {
  readonly reason: string;
  readonly incidentRef: string | null;
}

/** What revoking one credential came to. */
export type RevocationOutcome =
  | { readonly appPasswordId: string; readonly outcome: 'REVOKED' | 'ALREADY_REVOKED'; readonly state: ExistingAppPassword }
  | { readonly appPasswordId: string; readonly outcome: 'NOT_FOUND' }
  | { readonly appPasswordId: string; readonly outcome: 'FAILED'; readonly error: unknown };

/** Throws the first failure among the outcomes, so a caller that must not move on (a reactor) retries. */
export function throwIfAnyFailed(outcomes: readonly RevocationOutcome[]): void {
  const failed = outcomes.find((outcome) => outcome.outcome === 'FAILED');
  if (failed && failed.outcome === 'FAILED') throw failed.error;
}

/**
 * The one way app passwords are revoked: by a person (one, or all of a user's), by the idle sweep,
 * and by the reactor to a disabled user or a password reset. Each credential is checked against
 * the permission table for the principal, then revoked through its own stream with one event;
 * revoking a revoked credential writes nothing. Verification reads the credential's stream, so
 * once this returns, no verification of a revoked credential succeeds, on any node.
 */
@Injectable()
export class RevokeAppPasswords {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly credentials: Credentials,
  ) {}

  /** Revokes each credential in turn; one failing does not stop the others. */
  async revoke(principal: Principal, appPasswordIds: readonly string[], revocation: Revocation, context: CommandContext): Promise<RevocationOutcome[]> {
    const reason = requireRevocationReason(revocation.reason);
    const outcomes: RevocationOutcome[] = [];
    for (const appPasswordId of appPasswordIds) outcomes.push(await this.revokeOne(principal, appPasswordId, { ...revocation, reason }, context));
    return outcomes;
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

  private async revokeOne(principal: Principal, appPasswordId: string, revocation: Revocation, context: CommandContext): Promise<RevocationOutcome> {
    try {
      await this.credentials.loadFor(principal, 'appPasswords.revoke', appPasswordId);
      const command = { type: 'RevokeAppPassword' as const, data: revocation };
      const { events, state } = await this.aggregates.handle(appPasswordStreamId(appPasswordId), appPasswordDecider, command, context);
      return { appPasswordId, outcome: events.length > 0 ? 'REVOKED' : 'ALREADY_REVOKED', state: state as ExistingAppPassword };
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return { appPasswordId, outcome: 'NOT_FOUND' };
      if (isDomainError(error) && error.code === 'FORBIDDEN') throw error;
      return { appPasswordId, outcome: 'FAILED', error };
    }
  }
}
