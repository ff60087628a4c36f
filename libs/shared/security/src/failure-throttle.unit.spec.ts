import { FailureThrottle } from './failure-throttle';

describe('throttling failed sign-ins', () => {
  it('lets 100 consecutive failures through, then makes each further attempt wait longer', async () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 100; i++) {
      expect(await throttle.waitSeconds('alice@contoso.example', '192.0.2.1')).toBe(0);
      await throttle.recordFailure('alice@contoso.example', '192.0.2.1');
    }
    expect(await throttle.waitSeconds('alice@contoso.example', '192.0.2.1')).toBe(0);
    await throttle.recordFailure('alice@contoso.example', '192.0.2.1');
    const first = await throttle.waitSeconds('alice@contoso.example', '192.0.2.1');
    expect(first).toBeGreaterThanOrEqual(1);
    await throttle.recordFailure('alice@contoso.example', '192.0.2.1');
    await throttle.recordFailure('alice@contoso.example', '192.0.2.1');
    expect(await throttle.waitSeconds('alice@contoso.example', '192.0.2.1')).toBeGreaterThan(first);
  });

  it('keeps letting the owner in from an address that signed in successfully before', async () => {
    const throttle = new FailureThrottle({ accountFailuresBeforeDelay: 3, addressFailures: 1000, addressWindowSeconds: 60 });
    await throttle.recordSuccess('bob@contoso.example', '192.0.2.10');
    for (let i = 0; i < 10; i++) await throttle.recordFailure('bob@contoso.example', '198.51.100.66');
    expect(await throttle.waitSeconds('bob@contoso.example', '198.51.100.66')).toBeGreaterThan(0);
    expect(await throttle.waitSeconds('bob@contoso.example', '192.0.2.10')).toBe(0);
  });

  it('starts counting again after a success', async () => {
    const throttle = new FailureThrottle({ accountFailuresBeforeDelay: 3, addressFailures: 1000, addressWindowSeconds: 60 });
    for (let i = 0; i < 3; i++) await throttle.recordFailure('carol@contoso.example', null);
    await throttle.recordSuccess('carol@contoso.example', null);
    await throttle.recordFailure('carol@contoso.example', null);
    expect(await throttle.waitSeconds('carol@contoso.example', null)).toBe(0);
  });

  it('blocks an address that fails across many accounts', async () => {
    const throttle = new FailureThrottle({ accountFailuresBeforeDelay: 100, addressFailures: 5, addressWindowSeconds: 60 });
    for (let i = 0; i < 6; i++) await throttle.recordFailure(`user${i}@contoso.example`, '203.0.113.9');
    expect(await throttle.waitSeconds('someone@contoso.example', '203.0.113.9')).toBeGreaterThan(0);
    expect(await throttle.waitSeconds('someone@contoso.example', '203.0.113.10')).toBe(0);
  });

  it('keeps no per-account count for names that are not accounts', async () => {
    const throttle = new FailureThrottle({ accountFailuresBeforeDelay: 2, addressFailures: 1000, addressWindowSeconds: 60 });
    for (let i = 0; i < 10; i++) await throttle.recordFailure(null, '192.0.2.99');
    expect(await throttle.waitSeconds(null, '192.0.2.99')).toBe(0);
  });
});
