import type { TenantPolicy } from '@keyward/identity/domain';
import { appPasswordDecider, type AppPassword, type Owner } from '../app-password/app-password';
import type { AppPasswordGenerated } from '../app-password/app-password.events';
import { countActive, type AppPasswordSlotReserved, type Keyring } from '../keyring/keyring';

/** Everything a generation is decided on, read by the handler from the owner's, the tenant's and the keyring's streams. */
export interface GenerationFacts {
  readonly appPasswordId: string;
  readonly owner: Omit<Owner, 'activeCount'>;
  readonly policy: TenantPolicy;
  readonly keyring: Keyring;
  /** The state of each credential the keyring names. */
  readonly credentials: ReadonlyMap<string, AppPassword>;
  readonly label: string;
  readonly scopes?: readonly string[] | null;
  readonly expiresInDays?: number | null;
  readonly secretHash: string;
  readonly now: Date;
}

/**
 * Decides a generation: a slot in the owner's keyring (appended at the keyring's revision, which
 * serialises concurrent generations for one user) and the credential itself. The policy's limit
 * counts the keyring's active credentials at this moment.
 */
export function decideGeneration(facts: GenerationFacts): { reservation: AppPasswordSlotReserved; generated: AppPasswordGenerated } {
  const activeCount = countActive(facts.keyring.reservations, (id) => facts.credentials.get(id) ?? { status: 'none' }, facts.now);
  const [generated] = appPasswordDecider.decide(
    {
      type: 'GenerateAppPassword',
      data: {
        appPasswordId: facts.appPasswordId,
        owner: { ...facts.owner, activeCount },
        policy: facts.policy,
        label: facts.label,
        scopes: facts.scopes,
        expiresInDays: facts.expiresInDays,
        secretHash: facts.secretHash,
        now: facts.now,
      },
    },
    { status: 'none' },
  ) as [AppPasswordGenerated];
  const reservation: AppPasswordSlotReserved = {
    type: 'AppPasswordSlotReserved',
    data: { appPasswordId: facts.appPasswordId, userId: facts.owner.userId, reservedAt: facts.now.toISOString() },
  };
  return { reservation, generated };
}
