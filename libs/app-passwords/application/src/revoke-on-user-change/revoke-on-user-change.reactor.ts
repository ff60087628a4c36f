import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { Reaction } from '@keyward/shared/event-sourcing';
import { CLOCK, Reactor, type Clock } from '@keyward/shared/server';
import { systemPrincipal, type UserDisabled, type UserPasswordReset } from '@keyward/identity/domain';
import { RevokeAppPasswords, throwIfAnyFailed } from '../revoke-app-passwords/revoke-app-passwords.use-case';

const REASONS: Record<string, { process: string; reason: string }> = {
  UserDisabled: { process: 'revoke-on-disable', reason: 'User disabled (tenant policy: disabling revokes all app passwords)' },
  UserPasswordReset: { process: 'revoke-on-password-reset', reason: 'Password reset (tenant policy: a reset revokes all app passwords)' },
};

/**
 * When a user is disabled or their password is reset, and the policy in force then (recorded on
 * the event) says so, revokes every app password the user held at that moment. Credentials
 * generated afterwards are left alone, so a node replaying old events decides exactly as the
 * first did; revoking is idempotent, so several nodes reacting at once add each revocation once.
 * A failure is thrown, so the subscriber retries the event (and never moves past it silently).
 */
@Injectable()
@Reactor()
export class RevokeAppPasswordsOnUserChange implements Reaction {
  readonly name = 'revoke-on-user-change';
  readonly filter = { streamPrefixes: ['user-'], eventTypes: Object.keys(REASONS) };

  constructor(
    private readonly revocations: RevokeAppPasswords,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    const { userId, revokesAppPasswords } = event.data as (UserDisabled | UserPasswordReset)['data'];
    if (!revokesAppPasswords) return;
    const { process, reason } = REASONS[event.type];
    const tenantId = event.metadata.tenantId;
    const context = { actor: `system:${process}` as const, tenantId, now: this.clock.now(), correlationId: event.metadata.correlationId, causationId: event.id };
    const outcomes = await this.revocations.revokeAllOf(systemPrincipal(process, tenantId), userId, { reason, incidentRef: null }, context, event.metadata.occurredAt);
    throwIfAnyFailed(outcomes);
  }
}
