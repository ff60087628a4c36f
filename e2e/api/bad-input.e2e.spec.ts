import { connect } from 'node:net';
import { ADMIN_PASSWORD, APP_PASSWORDS, AUDIT_EVENTS, ConsoleClient, createUser, generate, KeywardProcess } from '@keyward/e2e/support';

// Bad input gets a precise 4xx or GraphQL code, never a 500 or a stack trace, and changes nothing.
describe('bad input', () => {
  const keyward = new KeywardProcess();
  let admin: ConsoleClient;
  let eventCountBefore: number;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const frank = await createUser(admin, 'frank@contoso.example');
    await generate(admin, frank.id);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  const rawVerify = (authorization: string | Buffer) =>
    fetch(`${keyward.baseUrl}/verify`, { headers: { authorization: authorization as string } });
  const basicOf = (bytes: Buffer) => `Basic ${bytes.toString('base64')}`;

  async function trailCount(): Promise<number> {
    // Verification failures are recorded on purpose; count only the lifecycle and identity events.
    const page = await admin.data(AUDIT_EVENTS, {
      filter: { types: ['UserCreated', 'UserDisabled', 'AppPasswordGenerated', 'AppPasswordRevoked', 'AppPasswordRenamed', 'AppPasswordSlotReserved'] },
    });
    return page['auditEvents'].totalCount;
  }

  beforeAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    eventCountBefore = await trailCount();
  });

  it.each([
    ['a malformed Basic header', 'Basic !!!not-base64'],
    ['another scheme', 'Bearer abc'],
    ['invalid UTF-8', basicOf(Buffer.from([0x66, 0x40, 0x63, 0x3a, 0xc3, 0x28]))],
    ['an empty password', basicOf(Buffer.from('frank@contoso.example:'))],
    ['a 10 KB password', basicOf(Buffer.from(`frank@contoso.example:${'a'.repeat(10_240)}`))],
    ['a user name with CR/LF', basicOf(Buffer.from('frank@contoso.example\r\nlevel=fatal forged:kwaaaa'))],
    ['a user name with quotes and |', basicOf(Buffer.from('fr"ank|@contoso.example:kwaaaa'))],
    ['an unknown tenant', basicOf(Buffer.from('frank@unknown.example:kwaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))],
  ])('answers %s at /verify with 401 and no hint', async (_what, header) => {
    const response = await rawVerify(header);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="keyward"');
    expect(await response.text()).toBe('{"message":"Unauthorized"}');
  });

  it('refuses an unknown protocol and malformed JSON bodies with 400', async () => {
    expect((await fetch(`${keyward.baseUrl}/verify`, { headers: { 'x-keyward-protocol': 'ftp' } })).status).toBe(400);
    const post = (body: string) =>
      fetch(`${keyward.baseUrl}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{"userPrincipalName":')).status).toBe(400);
    expect((await post('{"userPrincipalName":"a@contoso.example"}')).status).toBe(400);
    expect((await post('{"userPrincipalName":"a@contoso.example","password":"x","protocol":"imap"}')).status).toBe(401);
  });

  it('refuses an oversized body with 413 and a malformed login with 400', async () => {
    const huge = JSON.stringify({ query: `{ appPasswords { totalCount } }`, padding: 'x'.repeat(200_000) });
    const response = await fetch(`${keyward.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.sessionCookie },
      body: huge,
    });
    expect(response.status).toBe(413);
    const login = await fetch(`${keyward.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2' });
    expect(login.status).toBe(400);
    const body = await login.text();
    expect(body).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('answers GraphQL mistakes with BAD_USER_INPUT and no stack trace', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [APP_PASSWORDS, { after: 'tampered-cursor' }],
      [APP_PASSWORDS, { after: Buffer.from('["2026", 5]').toString('base64url') }],
      [APP_PASSWORDS, { first: 100_000 }],
      [APP_PASSWORDS, { filter: { createdAfter: 'yesterday' } }],
      [APP_PASSWORDS, { filter: { status: 'NOPE' } }],
      ['{ appPasswords { nope } }', {}],
      ['{ appPasswords { ', {}],
      [`{ me { id ${'... on User { id '.repeat(50)}${'}'.repeat(50)} } }`, {}],
      [`mutation { createUser(input: { userPrincipalName: "x", displayName: "x", roles: [USER] }) { id } }`, {}],
      [`mutation { generateAppPassword(input: { userId: "u", label: "" }) { secret } }`, {}],
      [`mutation { revokeAppPassword(input: { id: "x" }) { id } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const result = await admin.graphql(query, variables);
      const codes = result.errors?.map((e) => e.extensions?.code);
      expect({ query: query.slice(0, 60), codes }).toEqual({ query: query.slice(0, 60), codes: expect.arrayContaining([expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND)$/)]) });
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|node_modules|at \w+ \(/);
    }
  });

  it("answers what Apollo itself cannot take (a GET mutation, a request CSRF prevention blocks, a batch, a missing operation) with 405 or 400 and BAD_USER_INPUT, not an internal error", async () => {
    const graphql = (init: RequestInit, query = '') => fetch(`${keyward.baseUrl}/graphql${query}`, { ...init, headers: { cookie: admin.sessionCookie, ...(init.headers ?? {}) } });
    const answers = [
      await graphql({ method: 'GET', headers: { 'apollo-require-preflight': 'true' } }, `?query=${encodeURIComponent('mutation { revokeAppPassword(input: { id: "x", reason: "y" }) { id } }')}`),
      await graphql({ method: 'GET' }, `?query=${encodeURIComponent('{ me { id } }')}`),
      await graphql({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) }),
      await graphql({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query A { me { id } } query B { me { id } }', operationName: 'C' }) }),
    ];
    // A mutation over GET is 405 (use POST); the rest are 400.
    for (const [index, answer] of answers.entries()) {
      const text = await answer.text();
      expect({ status: answer.status, text }).toEqual({ status: index === 0 ? 405 : 400, text: expect.stringContaining('"code":"BAD_USER_INPUT"') });
      expect(text).not.toMatch(/stacktrace|node_modules|at \w+ \(/);
    }
  });

  it('rejects a query nested 50 deep', async () => {
    let query = 'id';
    for (let i = 0; i < 50; i++) query = `user { ${query} }`;
    const result = await admin.graphql(`{ appPasswords { edges { node { ${query} } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('given a client that sends its headers a byte every two seconds (slowloris), when 20 s have passed, then it is answered 408 and its socket closed', async () => {
    // given
    const socket = connect(Number(new URL(keyward.baseUrl).port), '127.0.0.1');
    const text = `GET /health HTTP/1.1\r\nHost: keyward\r\nX-Slow: ${'a'.repeat(100)}`;
    let sent = 0;
    const trickle = setInterval(() => sent < text.length && socket.write(text[sent++]), 2_000);
    // when
    const started = performance.now();
    const answer = await new Promise<string>((resolve) => {
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
    });
    clearInterval(trickle);
    // then (Node checks its timeouts every 30 s, so the cut comes 20 to 50 s in)
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(19_000);
    expect(sent).toBeLessThan(text.length);
  }, 70_000);

  it('kept every log line one JSON object: input cannot forge a line', async () => {
    const lines = keyward.output.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.filter((line) => /^\{?"?level=fatal|^forged/.test(line))).toEqual([]);
    expect(keyward.output.split('\n').filter((line) => line.startsWith('level=fatal'))).toEqual([]);
  });

  it('changed nothing', async () => {
    expect(await trailCount()).toBe(eventCountBefore);
    const errorLines = keyward.output.split("\n").filter((line) => line.includes("\"level\":50"));
    expect(errorLines.map((line) => line.slice(0, 400))).toEqual([]);
  });
});
