import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, sendOver, unboundedAgent, verify, type HttpAnswer } from '@keyward/e2e/support';

const USAGE_OF_ALL = (alias: string) => `${alias}: appPasswords(first: 200) { edges { node { id usage(days: 366) { perDay { day uses rejections } addresses { sourceIp uses } } } } }`;
/** About the heaviest read the limits let through: 40 credentials, each with a year of usage and a page of sign-ins. */
const HEAVY_ALLOWED = `{ appPasswords(first: 40) { edges { node { id label usage(days: 366) { perDay { day uses rejections } addresses { sourceIp uses } } signIns(first: 10) { edges { node { occurredAt outcome protocol sourceIp client } } } } } } }`;

const agent = unboundedAgent();

/** POST /graphql over node:http, all at once if need be. */
function post(baseUrl: string, body: string, cookie?: string): Promise<HttpAnswer> {
  return sendOver(agent, `${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body });
}

// Finding 1 of the hardening issue: one anonymous request of 3,000 aliased __schema selections
// ran 10 s and answered 123 MB; 600 aliases of a year of usage pushed a USER's request past 1 GB.
describe('what one GraphQL request may cost', () => {
  const keyward = new KeywardProcess();
  let admin: ConsoleClient;
  let user: ConsoleClient;
  let secret: string;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const lee = await createUser(admin, 'lee@contoso.example', ['USER'], { password: 'lee-console-password' });
    for (let i = 0; i < 10; i++) secret = (await generate(admin, lee.id, `Device ${i}`)).secret;
    for (let i = 0; i < 50; i++) await verify(keyward.baseUrl, 'lee@contoso.example', secret, { 'x-forwarded-for': `192.0.2.${i + 1}` });
    user = new ConsoleClient(keyward.baseUrl);
    await user.signIn('lee@contoso.example', 'lee-console-password');
  });
  afterAll(async () => {
    agent.destroy();
    await keyward.stop();
    keyward.removeData();
  });

  it('given an anonymous caller, when it sends 2,300 aliased __schema selections (62 KB), then it is refused at once with a short answer', async () => {
    // given
    const query = `{${Array.from({ length: 2300 }, (_, i) => `a${i}:__schema{types{name}}`).join(' ')}}`;
    expect(query.length).toBeGreaterThan(60_000);
    // when
    const answer = await post(keyward.baseUrl, JSON.stringify({ query }));
    // then
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(2_000);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(answer.text).not.toMatch(/stacktrace|node_modules/);
  });

  it('given an anonymous caller, when it introspects the schema, then it must sign in first; a signed-in one may', async () => {
    const anonymous = await post(keyward.baseUrl, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('docs/api/schema.graphql') });
    expect((await post(keyward.baseUrl, JSON.stringify({ query: '{ __type(name: "Query") { name } }' }))).status).toBe(401);
    expect(await user.data('{ __schema { queryType { name } } }')).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // __typename is not introspection: Apollo clients ask for it everywhere
    expect((await post(keyward.baseUrl, JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });

  it('given a USER, when it asks for a year of usage under 400 aliases (the 64 KB a body may have), or once for 200 credentials, then it is refused before anything runs, saying why', async () => {
    // when
    const aliased = await user.graphql(`{ ${Array.from({ length: 400 }, (_, i) => USAGE_OF_ALL(`a${i}`)).join(' ')} }`);
    const tooCostly = await user.graphql(`{ ${USAGE_OF_ALL('all')} }`);
    // then
    expect(aliased.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(tooCostly.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/would cost \d+, more than the 20000/) });
    expect(tooCostly.data ?? null).toBeNull();
  });

  it('given eleven aliases of one field, when sent, then they are refused; ten are not', async () => {
    const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    expect((await user.graphql(fields(11))).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect((await user.graphql(fields(10))).errors).toBeUndefined();
  });

  it('given a body of more than 2,000 tokens, when sent, then the parser stops and answers BAD_USER_INPUT', async () => {
    const answer = await post(keyward.baseUrl, JSON.stringify({ query: `{ me { ${'id '.repeat(2_500)} } }` }));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('given eighteen callers repeating the heaviest allowed read, when a gateway verifies meanwhile, then every verification answers within a second, and every read is answered or told to retry', async () => {
    // given: the read is allowed, and three people send it six at a time each
    const single = await user.graphql(HEAVY_ALLOWED);
    expect(single.errors).toBeUndefined();
    const sessions = [user.sessionCookie];
    for (const name of ['mia', 'noa']) {
      await createUser(admin, `${name}@contoso.example`, ['AUDITOR'], { password: `${name}-console-password` });
      const client = new ConsoleClient(keyward.baseUrl);
      await client.signIn(`${name}@contoso.example`, `${name}-console-password`);
      sessions.push(client.sessionCookie);
    }
    // when
    const until = Date.now() + 4_000;
    const statuses: number[] = [];
    const load = sessions.flatMap((cookie) =>
      Array.from({ length: 6 }, async () => {
        while (Date.now() < until) statuses.push((await post(keyward.baseUrl, JSON.stringify({ query: HEAVY_ALLOWED }), cookie)).status);
      }),
    );
    const latencies: number[] = [];
    while (Date.now() < until) {
      const started = performance.now();
      expect((await verify(keyward.baseUrl, 'lee@contoso.example', secret)).status).toBe(204);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(load);
    // then
    const answered = statuses.filter((status) => status === 200).length;
    console.log(`GraphQL: ${answered} answered, ${statuses.length - answered} told to retry; /verify: ${latencies.length} answers, max ${Math.max(...latencies).toFixed(0)} ms`);
    expect(answered).toBeGreaterThan(0);
    expect(statuses.every((status) => [200, 429, 503].includes(status))).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });
});
