import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { Aggregates, CheckpointedReactor, CLOCK, READ_MODEL_DB, type Clock } from '@keyward/shared/server';
import type { UserDisabled } from '@keyward/identity/domain';
import { appPasswordDecider, appPasswordStreamId, keyringStreamId, type AppPasswordSlotReserved } from '@keyward/app-passwords/domain';

export const REVOKED_ON_DISABLE_REASON = 'User disabled (tenant policy: disabling revokes all app passwords)';

/**
 * When a user is disabled and the policy in force then (recorded on the event) says so, revokes
 * every app password the user held at that moment. Credentials generated afterwards (after a
 * re-enable) are left alone, so a node replaying old events decides exactly as the first did;
 * revoking is idempotent, so several nodes reacting at once add each revocation once.
 */
@Injectable()
export class RevokeAppPasswordsOnDisable extends CheckpointedReactor {
  constructor(
    private readonly aggregates: Aggregates,
    @Inject(READ_MODEL_DB) db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('revoke-on-disable', { streamPrefixes: ['user-'], eventTypes: ['UserDisabled'] }, aggregates.store, db);
  }

  protected async react(event: RecordedEvent): Promise<void> {
    const { userId, revokesAppPasswords } = event.data as UserDisabled['data'];
    if (!revokesAppPasswords) return;
    const context = {
      actor: 'system:revoke-on-disable' as const,
      tenantId: event.metadata.tenantId,
      now: this.clock.now(),
      correlationId: event.metadata.correlationId,
      causationId: event.id,
    };
    for (const reservation of await this.aggregates.store.readStream(keyringStreamId(userId))) {
      const { appPasswordId, reservedAt } = reservation.data as AppPasswordSlotReserved['data'];
      if (reservedAt > event.metadata.occurredAt) continue;
      const { state } = await this.aggregates.load(appPasswordStreamId(appPasswordId), appPasswordDecider);
      if (state.status !== 'ACTIVE') continue;
      await this.aggregates.handle(appPasswordStreamId(appPasswordId), appPasswordDecider, { type: 'RevokeAppPassword', data: { reason: REVOKED_ON_DISABLE_REASON, incidentRef: null } }, context);
    }
  }
}
