import { gatewayTokenKey, loadConfig } from './keyward-config';

describe('the alert and webhook settings', () => {
  it('has no webhook unless a URL is given, and the detectors’ defaults', () => {
    const config = loadConfig({});
    expect(config.webhook).toBeUndefined();
    expect(config.alerts).toEqual({ burstFailures: 20, burstWindowMs: 300_000, sprayAccounts: 10, sprayWindowMs: 600_000, learningMs: 86_400_000 });
  });

  it('reads the webhook with its schedule', () => {
    const config = loadConfig({ KEYWARD_WEBHOOK_URL: 'https://siem.example/hooks/keyward', KEYWARD_WEBHOOK_SECRET: 'sixteen or more chars', KEYWARD_WEBHOOK_RETRY_SECONDS: '30' });
    expect(config.webhook).toEqual({ url: 'https://siem.example/hooks/keyward', secret: 'sixteen or more chars', timeoutMs: 10_000, retryMs: 30_000, maxAttempts: 12 });
  });

  it('refuses a webhook without a secret, a short secret, or a URL that is not http(s)', () => {
    expect(() => loadConfig({ KEYWARD_WEBHOOK_URL: 'https://siem.example/hook' })).toThrow(/KEYWARD_WEBHOOK_SECRET: required/);
    expect(() => loadConfig({ KEYWARD_WEBHOOK_URL: 'https://siem.example/hook', KEYWARD_WEBHOOK_SECRET: 'short' })).toThrow(/KEYWARD_WEBHOOK_SECRET/);
    expect(() => loadConfig({ KEYWARD_WEBHOOK_URL: 'ftp://siem.example/hook', KEYWARD_WEBHOOK_SECRET: 'sixteen or more chars' })).toThrow(/KEYWARD_WEBHOOK_URL/);
  });

  it('keeps thresholds within what the detectors can hold', () => {
    expect(() => loadConfig({ KEYWARD_ALERT_SPRAY_ACCOUNTS: '500' })).toThrow(/KEYWARD_ALERT_SPRAY_ACCOUNTS/);
    expect(() => loadConfig({ KEYWARD_ALERT_BURST_FAILURES: '1' })).toThrow(/KEYWARD_ALERT_BURST_FAILURES/);
    expect(loadConfig({ KEYWARD_ALERT_LEARNING_SECONDS: '0' }).alerts.learningMs).toBe(0);
  });
});

describe('Keyward behind TLS (KEYWARD_PUBLIC_URL)', () => {
  it('given no public URL, then cookies are not Secure and no HSTS is sent (plain HTTP on loopback, as npm start serves)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ publicUrl: undefined, secureCookies: false, strictTransportSecurity: false });
  });

  it('given an https public URL, then cookies are Secure and HSTS is sent', () => {
    const config = loadConfig({ KEYWARD_PUBLIC_URL: 'https://keyward.contoso.example' });
    expect(config).toMatchObject({ publicUrl: 'https://keyward.contoso.example', secureCookies: true, strictTransportSecurity: true });
  });

  it('given an http public URL, then neither; and KEYWARD_SECURE_COOKIES still decides when set', () => {
    expect(loadConfig({ KEYWARD_PUBLIC_URL: 'http://keyward.lab.example' })).toMatchObject({ secureCookies: false, strictTransportSecurity: false });
    expect(loadConfig({ KEYWARD_PUBLIC_URL: 'http://keyward.lab.example', KEYWARD_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ KEYWARD_PUBLIC_URL: 'https://keyward.contoso.example', KEYWARD_SECURE_COOKIES: 'false' })).toMatchObject({ secureCookies: false, strictTransportSecurity: true });
  });

  it('refuses a public URL that is not http(s)', () => {
    expect(() => loadConfig({ KEYWARD_PUBLIC_URL: 'keyward.contoso.example' })).toThrow(/KEYWARD_PUBLIC_URL/);
    expect(() => loadConfig({ KEYWARD_PUBLIC_URL: 'ftp://keyward.contoso.example' })).toThrow(/KEYWARD_PUBLIC_URL/);
  });
});

describe('the gateways that can prove their name (KEYWARD_GATEWAY_TOKENS)', () => {
  const token = 'a'.repeat(20) + '-_Z9';
  it('given none, then no gateway can', () => {
    expect(loadConfig({}).gatewayTokens.size).toBe(0);
  });

  it('given name:token pairs, then each token finds its name by its key, and the tokens themselves are not kept', () => {
    const config = loadConfig({ KEYWARD_GATEWAY_TOKENS: `nginx:${token}, dovecot:${'b'.repeat(32)}` });
    expect(config.gatewayTokens.get(gatewayTokenKey(token))).toBe('nginx');
    expect(config.gatewayTokens.get(gatewayTokenKey('b'.repeat(32)))).toBe('dovecot');
    expect(config.gatewayTokens.get(gatewayTokenKey('nginx'))).toBeUndefined();
    expect([...config.gatewayTokens.keys()].some((key) => key.includes(token))).toBe(false);
  });

  it('refuses a short token, a bad name, a missing separator or a name given twice', () => {
    expect(() => loadConfig({ KEYWARD_GATEWAY_TOKENS: 'nginx:short' })).toThrow(/KEYWARD_GATEWAY_TOKENS/);
    expect(() => loadConfig({ KEYWARD_GATEWAY_TOKENS: `Nginx Proxy:${token}` })).toThrow(/KEYWARD_GATEWAY_TOKENS/);
    expect(() => loadConfig({ KEYWARD_GATEWAY_TOKENS: token })).toThrow(/KEYWARD_GATEWAY_TOKENS/);
    expect(() => loadConfig({ KEYWARD_GATEWAY_TOKENS: `nginx:${token},nginx:${'c'.repeat(30)}` })).toThrow(/names a gateway twice/);
  });
});

describe("where the client's address comes from", () => {
  it('given nothing set, then loopback proxies are trusted and X-Forwarded-For is the header', () => {
    const config = loadConfig({});
    expect(config.clientAddressHeader).toBe('x-forwarded-for');
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(config.isTrustedProxy)).toEqual([true, true, true]);
    expect(config.isTrustedProxy('192.0.2.1')).toBe(false);
  });

  it('given X-Real-IP in any case and proxies as CIDR blocks, then both are taken', () => {
    const config = loadConfig({ KEYWARD_CLIENT_ADDRESS_HEADER: 'X-Real-IP', KEYWARD_TRUSTED_PROXIES: '10.0.0.0/8,192.0.2.5' });
    expect(config.clientAddressHeader).toBe('x-real-ip');
    expect(config.isTrustedProxy('10.9.8.7')).toBe(true);
    expect(config.isTrustedProxy('127.0.0.1')).toBe(false);
  });

  it('given another header or a proxy that is no address, then Keyward does not start, and says which setting', () => {
    expect(() => loadConfig({ KEYWARD_CLIENT_ADDRESS_HEADER: 'Forwarded' })).toThrow(/KEYWARD_CLIENT_ADDRESS_HEADER/);
    expect(() => loadConfig({ KEYWARD_TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/KEYWARD_TRUSTED_PROXIES/);
    expect(() => loadConfig({ KEYWARD_TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/KEYWARD_TRUSTED_PROXIES/);
  });
});
