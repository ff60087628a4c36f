import { GatewayFixture } from './gateway-fixture';

// When Keyward is down or hangs, both gateways deny within a bound and say why in their logs;
// when it is back, sign-ins resume without touching the gateways.
describe('gateways when Keyward is down or slow', () => {
  const gateways = new GatewayFixture();
  let secret: string;

  beforeAll(async () => {
    await gateways.start();
    secret = (await gateways.userWithPassword('hal@contoso.example')).secret;
  }, 60_000);
  afterAll(async () => {
    gateways.keyward.resume();
    await gateways.stop();
  });

  it('denies while Keyward is down, then resumes once it is back', async () => {
    await gateways.keyward.stop();
    const http = await gateways.curlHttp('hal@contoso.example', secret);
    expect(http.status).toBe(503);
    const started = Date.now();
    expect(await gateways.mailLogin('imap', 'hal@contoso.example', secret)).toMatch(/^refused/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(gateways.nginx.log()).toMatch(/connect\(\) failed \(111: Connection refused\)/);
    expect(gateways.dovecot.log()).toMatch(/Keyward did not answer the verification/);

    await gateways.keyward.start();
    expect((await gateways.curlHttp('hal@contoso.example', secret)).status).toBe(200);
    expect(await gateways.mailLogin('imap', 'hal@contoso.example', secret)).toBe('ok');
  }, 60_000);

  it('denies within a bounded time while Keyward hangs, then resumes', async () => {
    gateways.keyward.pause();
    try {
      const http = await gateways.curlHttp('hal@contoso.example', secret);
      expect(http.status).toBe(503);
      const started = Date.now();
      expect(await gateways.mailLogin('imap', 'hal@contoso.example', secret)).toMatch(/^refused/);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(gateways.nginx.log()).toMatch(/upstream timed out/);
    } finally {
      gateways.keyward.resume();
    }
    expect((await gateways.curlHttp('hal@contoso.example', secret)).status).toBe(200);
    expect(await gateways.mailLogin('imap', 'hal@contoso.example', secret)).toBe('ok');
  }, 60_000);
});
