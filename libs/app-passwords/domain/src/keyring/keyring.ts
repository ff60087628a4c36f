import type { DomainEvent } from '@keyward/shared/domain';
import { statusAt, type AppPassword } from '../app-password/app-password';

/**
 * A user's keyring: the ids of every app password issued to the user, in one stream per user.
 * Appending a reservation here with the keyring's expected revision is what serialises
 * concurrent generations for one user, so the per-user limit holds on any store and any number
 * of nodes (EventStoreDB has no multi-stream transaction).
 */
export const keyringStreamId = (userId: string) => `appPasswordKeyring-${userId}`;

export type AppPasswordSlotReserved = DomainEvent<
  'AppPasswordSlotReserved',
  { appPasswordId: string; userId: string; reservedAt: string }
>;

/** A user's keyring as its stream folds: every reservation, oldest first. */
export interface Keyring {
  readonly reservations: readonly AppPasswordSlotReserved['data'][];
}

export const keyringFold = {
  initialState: (): Keyring => ({ reservations: [] }),
  evolve: (state: Keyring, event: AppPasswordSlotReserved): Keyring =>
    event.type === 'AppPasswordSlotReserved' ? { reservations: [...state.reservations, event.data] } : state,
};

/** How long a reservation whose credential was never written still counts (a crash mid-way). */
export const RESERVATION_GRACE_MS = 5 * 60_000;

/**
 * Active app passwords among the keyring's reservations: those whose credential is active now,
 * and recent reservations whose credential is still being written.
 */
export function countActive(
  reservations: readonly AppPasswordSlotReserved['data'][],
  credentialOf: (appPasswordId: string) => AppPassword,
  now: Date,
): number {
  return reservations.filter(({ appPasswordId, reservedAt }) => {
    const credential = credentialOf(appPasswordId);
    if (credential.status === 'none') return now.getTime() - Date.parse(reservedAt) < RESERVATION_GRACE_MS;
    // A suspended credential may be reinstated: it keeps its slot.
    const status = statusAt(credential, now);
    return status === 'ACTIVE' || status === 'SUSPENDED';
  }).length;
}
