import { Injectable } from '@nestjs/common';
import { notFound, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/server';
import { hasRole, type Caller } from '@keyward/identity/domain';
import {
  appPasswordDecider,
  appPasswordStreamId,
  countActive,
  keyringStreamId,
  statusAt,
  type AppPassword,
  type AppPasswordSlotReserved,
  type ExistingAppPassword,
} from '@keyward/app-passwords/domain';

/** Reads app passwords and keyrings from their streams: never behind, as commands and verification need. */
@Injectable()
export class Credentials {
  constructor(private readonly aggregates: Aggregates) {}

  async load(appPasswordId: string): Promise<AppPassword> {
    return (await this.aggregates.load(appPasswordStreamId(appPasswordId), appPasswordDecider)).state;
  }

  /**
   * A credential the caller may change: any of the tenant's for admins and incident responders,
   * only their own for users. Anything else is NOT_FOUND, so ids of other tenants reveal nothing.
   */
  async loadForChange(caller: Caller, appPasswordId: string): Promise<ExistingAppPassword> {
    const credential = await this.load(appPasswordId);
    const isVisible =
      credential.status !== 'none' &&
      credential.tenantId === caller.tenantId &&
      (hasRole(caller, 'GLOBAL_ADMIN', 'INCIDENT_RESPONDER') || (hasRole(caller, 'USER') && credential.userId === caller.userId));
    if (!isVisible) throw notFound('No such app password.');
    return credential;
  }

  /**
   * Revokes each app password of the user that is active now (and was reserved no later than
   * `heldAt`, when given), with one reason; returns those it revoked, as they are now.
   */
  async revokeAllOf(
    userId: string,
    revocation: { reason: string; incidentRef: string | null },
    context: CommandContext,
    heldAt?: string,
  ): Promise<ExistingAppPassword[]> {
    const revoked: ExistingAppPassword[] = [];
    for (const { data } of await this.aggregates.store.readStream(keyringStreamId(userId))) {
      const { appPasswordId, reservedAt } = data as AppPasswordSlotReserved['data'];
      if (heldAt !== undefined && reservedAt > heldAt) continue;
      const state = await this.load(appPasswordId);
      if (state.status === 'none' || statusAt(state, context.now) !== 'ACTIVE') continue;
      const command = { type: 'RevokeAppPassword' as const, data: revocation };
      const handled = await this.aggregates.handle(appPasswordStreamId(appPasswordId), appPasswordDecider, command, context);
      if (handled.events.length > 0) revoked.push(handled.state as ExistingAppPassword);
    }
    return revoked;
  }

  /** The user's keyring and how many of its app passwords are active now. */
  async keyring(userId: string, now: Date): Promise<{ revision: bigint | 'no_stream'; activeCount: number }> {
    const events = await this.aggregates.store.readStream(keyringStreamId(userId));
    const reservations = events.map((event) => event.data as AppPasswordSlotReserved['data']);
    const states = new Map<string, AppPassword>();
    for (const { appPasswordId } of reservations) states.set(appPasswordId, await this.load(appPasswordId));
    return {
      revision: events.length === 0 ? 'no_stream' : events[events.length - 1].revision,
      activeCount: countActive(reservations, (id) => states.get(id) ?? { status: 'none' }, now),
    };
  }
}
