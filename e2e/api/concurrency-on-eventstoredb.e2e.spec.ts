import { ADMIN_PASSWORD, ConsoleClient, createUser, EsdbProtocolFake, GENERATE, KeywardProcess, REVOKE } from '@keyward/e2e/support';

type Result = { data?: Record<string, { appPassword?: { id: string }; id?: string; status?: string } | null> | null; errors?: { extensions?: { code?: string } }[] };
const codes = (results: Result[]) => results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code);

// Keyward on the EventStoreDB adapter against the in-process protocol FAKE (no EventStoreDB
// server can run here), with every call delayed 5–20 ms at random, as a server on the network
// would: concurrent writers interleave and lose races for real.
describe('concurrent writes for one user on EventStoreDB (protocol FAKE with 5–20 ms latency, not a real EventStoreDB)', () => {
  let fake: EsdbProtocolFake;
  let keyward: KeywardProcess;
  let admin: ConsoleClient;

  beforeAll(async () => {
    fake = await new EsdbProtocolFake().start();
    keyward = await new KeywardProcess({ env: { KEYWARD_EVENTSTORE_URL: fake.connectionString } }).start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    fake.faults.latencyMs = { min: 5, max: 20 };
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    await fake.stop();
  });

  const generateFor = (userId: string, label: string) => admin.graphql(GENERATE, { input: { userId, label } }) as Promise<Result>;

  it('makes exactly 40 of 46 concurrent generations and refuses 6 with POLICY_VIOLATION', async () => {
    const user = await createUser(admin, 'olga@contoso.example');
    const results = await Promise.all(Array.from({ length: 46 }, (_, i) => generateFor(user.id, `device ${i}`)));
    expect(results.filter((result) => result.data?.['generateAppPassword'])).toHaveLength(40);
    expect(codes(results)).toEqual(Array.from({ length: 6 }, () => 'POLICY_VIOLATION'));
  }, 120_000);

  it('loses no write when revocations and generations for one user race', async () => {
    const user = await createUser(admin, 'piet@contoso.example');
    const held = (await Promise.all(Array.from({ length: 30 }, (_, i) => generateFor(user.id, `old ${i}`)))).map(
      (result) => result.data?.['generateAppPassword']?.appPassword?.id as string,
    );
    const revoking = held.slice(0, 20).map((id) => admin.graphql(REVOKE, { input: { id, reason: 'rotation' } }) as Promise<Result>);
    const generating = Array.from({ length: 25 }, (_, i) => generateFor(user.id, `new ${i}`));
    const [revoked, generated] = await Promise.all([Promise.all(revoking), Promise.all(generating)]);

    // Every revocation was acknowledged; every generation either made a credential or was refused by the limit.
    expect(revoked.map((result) => result.data?.['revokeAppPassword']?.status)).toEqual(Array.from({ length: 20 }, () => 'REVOKED'));
    expect(codes(generated).every((code) => code === 'POLICY_VIOLATION')).toBe(true);
    const made = generated.flatMap((result) => result.data?.['generateAppPassword']?.appPassword?.id ?? []);
    expect(made.length).toBeGreaterThanOrEqual(10); // at least the 10 slots free before any revocation landed

    // What was acknowledged is what the store holds: read each credential back through the API.
    fake.faults.latencyMs = null;
    const statuses = await Promise.all(
      [...held, ...made].map(async (id) => ((await admin.data(`query($id: ID!) { appPassword(id: $id) { status } }`, { id })) as { appPassword: { status: string } }).appPassword.status),
    );
    expect(statuses.filter((status) => status === 'REVOKED')).toHaveLength(20);
    const active = statuses.filter((status) => status === 'ACTIVE').length;
    expect(active).toBe(10 + made.length);
    expect(active).toBeLessThanOrEqual(40);
  }, 120_000);
});
