import { DEFAULT_TENANT_POLICY } from '@keyward/identity/domain';
import type { AppPassword } from '../app-password/app-password';
import type { Keyring } from '../keyring/keyring';
import { decideGeneration, type GenerationFacts } from './generation';

const now = new Date('2026-06-01T12:00:00.000Z');
const active = (appPasswordId: string): AppPassword => ({ status: 'ACTIVE', appPasswordId, userId: 'u-1', tenantId: 't-1', label: appPasswordId, scopes: ['imap'], expiresAt: null, secretHash: 'h' });
const keyringOf = (ids: string[]): Keyring => ({ reservations: ids.map((appPasswordId) => ({ appPasswordId, userId: 'u-1', reservedAt: '2026-01-01T00:00:00.000Z' })) });

function given(held: AppPassword[], policy = DEFAULT_TENANT_POLICY) {
  const ids = held.map((state, index) => (state.status === 'none' ? `gone-${index}` : state.appPasswordId));
  const facts: GenerationFacts = {
    appPasswordId: 'newkey1234',
    owner: { userId: 'u-1', tenantId: 't-1', isEnabled: true, hasMfa: true },
    policy,
    keyring: keyringOf(ids),
    credentials: new Map(ids.map((id, index) => [id, held[index]])),
    label: 'Phone',
    secretHash: '$argon2id$…',
    now,
  };
  return { whenGenerating: () => decideGeneration(facts) };
}

describe('generating an app password', () => {
  it('given a user below the limit, when one is generated, then a slot is reserved in their keyring and the credential is generated', () => {
    const { reservation, generated } = given([active('a'), active('b')]).whenGenerating();
    expect(reservation).toEqual({ type: 'AppPasswordSlotReserved', data: { appPasswordId: 'newkey1234', userId: 'u-1', reservedAt: now.toISOString() } });
    expect(generated).toMatchObject({ type: 'AppPasswordGenerated', data: { appPasswordId: 'newkey1234', userId: 'u-1', label: 'Phone' } });
  });

  it('given a user at the limit, when one more is generated, then the policy refuses it', () => {
    const held = ['a', 'b', 'c'].map(active);
    expect(() => given(held, { ...DEFAULT_TENANT_POLICY, maxActivePerUser: 3 }).whenGenerating()).toThrow(/maximum of 3/);
  });

  it('given revoked credentials in the keyring, when one is generated, then they do not count against the limit', () => {
    const held = [active('a'), { ...active('b'), status: 'REVOKED' } as AppPassword, { ...active('c'), status: 'REVOKED' } as AppPassword];
    expect(given(held, { ...DEFAULT_TENANT_POLICY, maxActivePerUser: 2 }).whenGenerating().generated.type).toBe('AppPasswordGenerated');
  });
});
