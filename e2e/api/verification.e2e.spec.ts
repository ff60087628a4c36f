import { composeAppPassword } from '@keyward/app-passwords/domain';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, eventually, generate, KeywardProcess, mistyped, newGatewayToken, verify } from '@keyward/e2e/support';

// Every answer to a gateway is recorded with its reason; the gateway only ever sees 204, 401 or 429.
describe('verification for gateways', () => {
  const mailToken = newGatewayToken();
  const otherToken = newGatewayToken();
  const keyward = new KeywardProcess({ env: { KEYWARD_VERIFY_FAILURES_BEFORE_DELAY: '5', KEYWARD_GATEWAY_TOKENS: `mail:${mailToken},other:${otherToken}` } });
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
    const typo = mistyped(secret);
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
    await createUser(admin, 'kai@contoso.example');
    await verify(keyward.baseUrl, 'nobody@contoso.example', secret);
    await verify(keyward.baseUrl, 'kai@contoso.example', 'hunter2');
    await verify(keyward.baseUrl, 'kai@contoso.example', composeAppPassword('zzzzzzzzzz', 'z'.repeat(18)).password);
    const recorded = await eventually(async () => {
      const found = await reasons('SignInFailed');
      return found.length >= 3 ? found : undefined;
    });
    expect(recorded).toEqual(expect.arrayContaining(['UNKNOWN_USER', 'MALFORMED_PASSWORD', 'UNKNOWN_CREDENTIAL']));
  });

  it("tells the user's own password, sent instead of an app password, from any other string, and records neither", async () => {
    // given a user with a console password
    await createUser(admin, 'pat@contoso.example', ['USER'], { password: 'pat-console-password' });
    // when a client sends it, and another string that is no app password
    expect((await verify(keyward.baseUrl, 'pat@contoso.example', 'pat-console-password')).status).toBe(401);
    expect((await verify(keyward.baseUrl, 'pat@contoso.example', 'pat-console-passwort')).status).toBe(401);
    // then each has its reason, and neither string is kept
    const failures = await eventually(async () => {
      const page = await admin.data(AUDIT_EVENTS, { filter: { types: ['SignInFailed'] }, first: 200 });
      const found = page['auditEvents'].edges.map((edge: { node: { data: Record<string, unknown> } }) => edge.node.data).filter((data: Record<string, unknown>) => data['userPrincipalName'] === 'pat@contoso.example');
      return found.length >= 2 ? found : undefined;
    });
    expect(failures.map((data: Record<string, unknown>) => data['reason']).sort()).toEqual(['MALFORMED_PASSWORD', 'PRIMARY_PASSWORD_USED']);
    expect(JSON.stringify(failures)).not.toMatch(/pat-console-passw/);
  });

  it('accepts an app password pasted with hidden characters (a trailing newline, zero-width and non-breaking spaces)', async () => {
    const { secret: copied } = await generate(admin, userId, 'Pasted into the phone', { scopes: ['imap'] });
    const pasted = `\u200b${copied.slice(0, 10)}\u00a0${copied.slice(10)}\r\n`;
    expect((await verify(keyward.baseUrl, 'judy@contoso.example', pasted, { 'x-keyward-protocol': 'imap' })).status).toBe(204);
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
    const known = { 'x-forwarded-for': '192.0.2.44', 'x-keyward-protocol': 'imap' };
    expect((await verify(keyward.baseUrl, 'judy@contoso.example', secret, known)).status).toBe(204);
    const attacker = { 'x-forwarded-for': '203.0.113.66', 'x-keyward-protocol': 'imap' };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await verify(keyward.baseUrl, 'judy@contoso.example', 'kwwrongwrongwrongwrongwrongwrong', attacker)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(-1)).toEqual([429]);
    const throttled = await verify(keyward.baseUrl, 'judy@contoso.example', secret, attacker);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await verify(keyward.baseUrl, 'judy@contoso.example', secret, known)).status).toBe(204);
  });

  it('given a burst of parallel guesses for one account, when they arrive together, then only the budget (5) is checked and recorded, the rest answered 429', async () => {
    // given
    const burstUser = await createUser(admin, 'burst@contoso.example');
    const { secret: burstSecret } = await generate(admin, burstUser.id, 'Phone');
    const wrong = composeAppPassword(burstSecret.replace(/ /g, '').slice(2, 12), 'b'.repeat(18)).password;
    // when
    const statuses = await Promise.all(Array.from({ length: 60 }, () => verify(keyward.baseUrl, 'burst@contoso.example', wrong, { 'x-forwarded-for': '203.0.113.77' }).then((r) => r.status)));
    // then
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(55);
    const checked = await eventually(async () => {
      const page = await admin.data(AUDIT_EVENTS, { filter: { types: ['AppPasswordRejected', 'SignInFailed'] }, first: 200 });
      const mine = page['auditEvents'].edges.filter((edge: { node: { streamId: string; data: { userPrincipalName?: string } } }) => edge.node.streamId.includes(burstSecret.replace(/ /g, '').slice(2, 12)) || edge.node.data.userPrincipalName === 'burst@contoso.example');
      return mine.length >= 5 ? mine : undefined;
    });
    expect(checked).toHaveLength(5);
  });

  describe('naming a mail client after its sign-in (POST /verify/client)', () => {
    const report = (body: unknown, token?: string) =>
      fetch(`${keyward.baseUrl}/verify/client`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-keyward-gateway-token': token } : {}) },
        body: JSON.stringify(body),
      });
    const EHLO = { userPrincipalName: 'kim@contoso.example', clientIp: '198.51.100.7', client: 'scanner-3f.contoso.example', protocol: 'smtp' };
    const SIGN_IN = { 'x-keyward-protocol': 'smtp', 'x-forwarded-for': '198.51.100.7' };
    const SIGN_INS = `query($id: ID!) { appPassword(id: $id) { lastUsedClient signIns(first: 10) { edges { node { outcome protocol sourceIp client } } } } }`;
    let kim: { secret: string; appPassword: { id: string } };

    beforeAll(async () => {
      const user = await createUser(admin, 'kim@contoso.example');
      kim = await generate(admin, user.id, 'Scanner, 3rd floor', { scopes: ['smtp'] });
    });

    it('given an SMTP sign-in the mail gateway recorded, when the gateway reports the EHLO name, then the use shows it in the history and the inventory', async () => {
      // given
      expect((await verify(keyward.baseUrl, 'kim@contoso.example', kim.secret, { ...SIGN_IN, 'x-keyward-gateway-token': mailToken })).status).toBe(204);
      // when
      const named = await report(EHLO, mailToken);
      // then
      expect(named.status).toBe(204);
      const seen = await eventually(async () => {
        const data = await admin.data(SIGN_INS, { id: kim.appPassword.id });
        return data['appPassword'].lastUsedClient === EHLO.client ? data['appPassword'] : undefined;
      });
      expect(seen.signIns.edges.map((edge: { node: unknown }) => edge.node)).toEqual([{ outcome: 'USED', protocol: 'smtp', sourceIp: '198.51.100.7', client: EHLO.client }]);
      const events = await admin.data(AUDIT_EVENTS, { filter: { types: ['AppPasswordClientIdentified'] } });
      expect(events['auditEvents'].edges.map((edge: { node: { actor: string; data: unknown } }) => [edge.node.actor, edge.node.data])).toEqual([
        ['gateway:mail', expect.objectContaining({ appPasswordId: kim.appPassword.id, client: EHLO.client })],
      ]);
      // and a second message of the same session names nothing more
      expect((await report(EHLO, mailToken)).status).toBe(404);
    });

    it('given a sign-in, when another gateway, an unproven caller or a different address reports a name, then nothing is named', async () => {
      // given
      expect((await verify(keyward.baseUrl, 'kim@contoso.example', kim.secret, { ...SIGN_IN, 'x-keyward-gateway-token': mailToken })).status).toBe(204);
      // when / then
      const unproven = await report(EHLO);
      expect(unproven.status).toBe(403);
      expect(await unproven.json()).toEqual({ message: expect.stringContaining('X-Keyward-Gateway-Token') });
      expect((await report(EHLO, 'not-a-token-of-any-gateway-at-all')).status).toBe(403);
      expect((await report(EHLO, otherToken)).status).toBe(404);
      expect((await report({ ...EHLO, clientIp: '198.51.100.8' }, mailToken)).status).toBe(404);
      expect((await report({ ...EHLO, protocol: 'imap' }, mailToken)).status).toBe(404);
      expect((await report({ ...EHLO, userPrincipalName: 'nobody@contoso.example' }, mailToken)).status).toBe(404);
      // and the right one still can
      expect((await report({ ...EHLO, client: 'printer.contoso.example' }, mailToken)).status).toBe(204);
    });

    it.each([
      ['no address', { ...EHLO, clientIp: undefined }],
      ['an address that is not one', { ...EHLO, clientIp: 'scanner' }],
      ['a name with control characters', { ...EHLO, client: 'evil\r\nX-Injected: 1' }],
      ['a name of 129 characters', { ...EHLO, client: 'x'.repeat(129) }],
      ['an unknown protocol', { ...EHLO, protocol: 'ftp' }],
      ['no user', { ...EHLO, userPrincipalName: '' }],
    ])('answers 400 with what to send for %s', async (_, body) => {
      const response = await report(body, mailToken);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/^Send JSON/);
    });

    it('answers 405 to anything but POST, and 400 to a body that is not JSON', async () => {
      expect((await fetch(`${keyward.baseUrl}/verify/client`)).status).toBe(405);
      const broken = await fetch(`${keyward.baseUrl}/verify/client`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-keyward-gateway-token': mailToken }, body: '{' });
      expect(broken.status).toBe(400);
      expect(await broken.text()).not.toMatch(/at .*\.js/);
    });
  });
});
