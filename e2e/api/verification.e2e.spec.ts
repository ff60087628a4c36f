import { composeAppPassword } from '@keyward/app-passwords/domain';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, eventually, generate, KeywardProcess, verify } from '@keyward/e2e/support';

// Every answer to a gateway is recorded with its reason; the gateway only ever sees 204, 401 or 429.
describe('verification for gateways', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_VERIFY_FAILURES_BEFORE_DELAY: '5' } });
  let admin: ConsoleClient;
  let userId: string;
  let secret: string;
  let appPasswordId: string;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    userId = (await createUser(admin, 'judy@contoso.example')).id;
    const generated = await generate(admin, userId, 'Mail on phone', { scopes: ['imap', 'smtp'] });
    secret = generated.secret;
    appPasswordId = generated.appPassword.id;
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  async function reasons(type: string): Promise<string[]> {
    const page = await admin.data(AUDIT_EVENTS, { filter: { types: [type] }, first: 200 });
    return page['auditEvents'].edges.map((edge: { node: { data: { reason: string } } }) => edge.node.data.reason);
  }

  it('records why each known credential was refused, and answers 401 without saying why', async () => {
    const compact = secret.replace(/ /g, '');
    const typo = compact.slice(0, 20) + (compact[20] === 'a' ? 'b' : 'a') + compact.slice(21);
    // Well formed, right key id, valid checksum, wrong secret.
    const wrongSecret = composeAppPassword(appPasswordId, 'a'.repeat(18)).password;
    const attempts: [string, string, Record<string, string>][] = [
      ['judy@contoso.example', typo, {}],
      ['judy@contoso.example', wrongSecret, {}],
      ['admin@contoso.example', secret, {}],
      ['judy@contoso.example', secret, { 'x-keyward-protocol': 'pop' }],
    ];
    for (const [user, password, headers] of attempts) {
      const response = await verify(keyward.baseUrl, user, password, headers);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('{"message":"Unauthorized"}');
    }
    const recorded = await eventually(async () => {
      const found = await reasons('AppPasswordRejected');
      return found.length >= 4 ? found : undefined;
    });
    expect(recorded).toEqual(expect.arrayContaining(['TYPO', 'WRONG_SECRET', 'WRONG_USER', 'SCOPE_NOT_ALLOWED']));
  });

  it("records attempts that match no credential in the tenant's sign-in failures", async () => {
    await verify(keyward.baseUrl, 'nobody@contoso.example', secret);
    await verify(keyward.baseUrl, 'judy@contoso.example', 'hunter2');
    await verify(keyward.baseUrl, 'judy@contoso.example', composeAppPassword('zzzzzzzzzz', 'z'.repeat(18)).password);
    const recorded = await eventually(async () => {
      const found = await reasons('SignInFailed');
      return found.length >= 3 ? found : undefined;
    });
    expect(recorded).toEqual(expect.arrayContaining(['UNKNOWN_USER', 'MALFORMED_PASSWORD', 'UNKNOWN_CREDENTIAL']));
  });

  it('accepts the secret from POST /verify and records the client address a trusted proxy forwards', async () => {
    const response = await fetch(`${keyward.baseUrl}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userPrincipalName: 'judy@contoso.example', password: secret, protocol: 'smtp', clientIp: '198.51.100.23' }),
    });
    expect(response.status).toBe(204);
    const used = await eventually(async () => {
      const page = await admin.data(AUDIT_EVENTS, { filter: { types: ['AppPasswordUsed'], streamId: `appPasswordUsage-${appPasswordId}` } });
      return page['auditEvents'].edges[0]?.node;
    });
    expect(used.data).toMatchObject({ protocol: 'smtp', sourceIp: '198.51.100.23' });
  });

  it('throttles an account after consecutive failures with 429 and Retry-After, but not its owner from a known address', async () => {
    const known = { 'x-real-ip': '192.0.2.44', 'x-keyward-protocol': 'imap' };
    expect((await verify(keyward.baseUrl, 'judy@contoso.example', secret, known)).status).toBe(204);
    const attacker = { 'x-real-ip': '203.0.113.66', 'x-keyward-protocol': 'imap' };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await verify(keyward.baseUrl, 'judy@contoso.example', 'kwwrongwrongwrongwrongwrongwrong', attacker)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(-1)).toEqual([429]);
    const throttled = await verify(keyward.baseUrl, 'judy@contoso.example', secret, attacker);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await verify(keyward.baseUrl, 'judy@contoso.example', secret, known)).status).toBe(204);
  });
});
