import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { Aggregates, CheckpointedReactor, CLOCK, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import type { UserDisabled, UserPasswordReset } from '@keyward/identity/domain';
import { Credentials } from '../credentials/credentials';

const REASONS: Record<string, string> = {
  UserDisabled: 'User disabled (tenant policy: disabling revokes all app passwords)',
  UserPasswordReset: 'Password reset (tenant policy: a reset revokes all app passwords)',
};

/**
 * When a user is disabled or their password is reset, and the policy in force then (recorded on
 * the event) says so, revokes every app password the user held at that moment. Credentials
 * generated afterwards are left alone, so a node replaying old events decides exactly as the
 * first did; revoking is idempotent, so several nodes reacting at once add each revocation once.
 */
@Injectable()
export class RevokeAppPasswordsOnUserChange extends CheckpointedReactor {
  constructor(
    aggregates: Aggregates,
    private readonly credentials: Credentials,
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('revoke-on-user-change', { streamPrefixes: ['user-'], eventTypes: Object.keys(REASONS) }, aggregates.store, db);
  }

  protected async react(event: RecordedEvent): Promise<void> {
    const { userId, revokesAppPasswords } = event.data as (UserDisabled | UserPasswordReset)['data'];
    if (!revokesAppPasswords) return;
    const context = {
      actor: event.type === 'UserDisabled' ? ('system:revoke-on-disable' as const) : ('system:revoke-on-password-reset' as const),
      tenantId: event.metadata.tenantId,
      now: this.clock.now(),
      correlationId: event.metadata.correlationId,
      causationId: event.id,
    };
    await this.credentials.revokeAllOf(userId, { reason: REASONS[event.type], incidentRef: null }, context, event.metadata.occurredAt);
  }
}
