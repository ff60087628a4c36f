import type { AppPassword } from '../app-password/app-password';
import { countActive } from './keyring';

const now = new Date('2026-06-01T12:00:00.000Z');
const active = (expiresAt: string | null = null): AppPassword => ({
  status: 'ACTIVE',
  appPasswordId: 'x',
  userId: 'u',
  tenantId: 't',
  label: 'l',
  scopes: ['imap'],
  expiresAt,
  secretHash: 'h',
});

describe('counting a user\'s active app passwords', () => {
  it('counts active credentials, not revoked or expired ones', () => {
    const states: Record<string, AppPassword> = {
      a: active(),
      b: { ...active(), status: 'REVOKED' } as AppPassword,
      c: active('2026-06-01T11:00:00.000Z'),
    };
    const reservations = ['a', 'b', 'c'].map((appPasswordId) => ({ appPasswordId, userId: 'u', reservedAt: '2026-01-01T00:00:00.000Z' }));
    expect(countActive(reservations, (id) => states[id], now)).toBe(1);
  });

  it('counts a recent reservation whose credential is still being written, but not an abandoned one', () => {
    const none = (): AppPassword => ({ status: 'none' });
    const recent = { appPasswordId: 'r', userId: 'u', reservedAt: '2026-06-01T11:58:00.000Z' };
    const abandoned = { appPasswordId: 'o', userId: 'u', reservedAt: '2026-06-01T11:00:00.000Z' };
    expect(countActive([recent, abandoned], none, now)).toBe(1);
  });
});
