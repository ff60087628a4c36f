import { parseAppPassword } from '@keyward/app-passwords/domain';
import { demoHistory, type DemoSettings } from './demo-history';

const settings: DemoSettings = {
  tenantId: 't-1',
  domain: 'contoso.example',
  adminUserId: 'admin',
  now: new Date('2026-06-30T12:00:00.000Z'),
  secretHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  userId: (upn) => `id-${upn}`,
};

describe('the demo history', () => {
  const history = demoHistory(settings);
  const types = (type: string) => history.filter((e) => e.event.type === type);

  it('is the same for the same seed, and oldest first', () => {
    expect(demoHistory(settings)).toEqual(history);
    const times = history.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[times.length - 1]).toBeLessThanOrEqual(settings.now.getTime());
  });

  it('has users, app passwords and weeks of sign-ins', () => {
    expect(types('UserCreated')).toHaveLength(200);
    expect(types('AppPasswordGenerated').length).toBeGreaterThan(400);
    expect(types('AppPasswordGenerated').length).toBeLessThan(600);
    expect(types('AppPasswordUsed').length).toBeGreaterThan(10_000);
    const firstUse = types('AppPasswordUsed')[0].at.getTime();
    expect(settings.now.getTime() - firstUse).toBeGreaterThan(21 * 86_400_000);
  });

  it('uses key ids that are valid in the password format and never repeat', () => {
    const ids = types('AppPasswordGenerated').map((e) => (e.event.data as { appPasswordId: string }).appPasswordId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(parseAppPassword(`kw${id}${'a'.repeat(20)}`).kind).toBe('parsed');
  });

  it('has anomalies to find: wrong-secret bursts and revoked passwords still being tried', () => {
    const rejections = types('AppPasswordRejected').map((e) => (e.event.data as { reason: string }).reason);
    expect(rejections.filter((r) => r === 'WRONG_SECRET').length).toBeGreaterThanOrEqual(40);
    expect(rejections).toContain('REVOKED');
    expect(types('AppPasswordRevoked').length).toBeGreaterThan(0);
    expect(types('SignInFailed').length).toBe(30);
  });

  it('never records a sign-in before its credential exists', () => {
    const created = new Map(types('AppPasswordGenerated').map((e) => [(e.event.data as { appPasswordId: string }).appPasswordId, e.at.getTime()]));
    for (const use of [...types('AppPasswordUsed'), ...types('AppPasswordRejected')]) {
      expect(use.at.getTime()).toBeGreaterThanOrEqual(created.get((use.event.data as { appPasswordId: string }).appPasswordId) ?? Infinity);
    }
  });
});
