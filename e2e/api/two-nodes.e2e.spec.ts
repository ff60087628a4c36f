import { ADMIN_PASSWORD, APP_PASSWORDS, ConsoleClient, createUser, EsdbProtocolFake, eventually, generate, KeywardProcess, REVOKE, verify } from '@keyward/e2e/support';

// Two Keyward nodes on one store: the EventStoreDB adapter against the in-process protocol FAKE
// (no EventStoreDB server can run here). Node B verifies from the store itself, so a revocation
// acknowledged by node A holds on node B at once; B's read models follow through its subscription.
describe('two Keyward nodes on one EventStoreDB (protocol FAKE, not a real EventStoreDB)', () => {
  let fake: EsdbProtocolFake;
  let nodeA: KeywardProcess;
  let nodeB: KeywardProcess;

  beforeAll(async () => {
    fake = await new EsdbProtocolFake().start();
    nodeA = await new KeywardProcess({ env: { KEYWARD_EVENTSTORE_URL: fake.connectionString } }).start();
    nodeB = await new KeywardProcess({ env: { KEYWARD_EVENTSTORE_URL: fake.connectionString } }).start();
  });
  afterAll(async () => {
    await nodeA.stop();
    await nodeB.stop();
    nodeA.removeData();
    nodeB.removeData();
    await fake.stop();
  });

  it('verifies on B what A generated, and rejects on B the first attempt after A acknowledged the revoke', async () => {
    const onA = new ConsoleClient(nodeA.baseUrl);
    await onA.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const ivy = await createUser(onA, 'ivy@contoso.example');
    const generated = await generate(onA, ivy.id);
    expect((await verify(nodeB.baseUrl, 'ivy@contoso.example', generated.secret)).status).toBe(204);

    await onA.data(REVOKE, { input: { id: generated.appPassword.id, reason: 'leak' } });
    const acknowledgedAt = performance.now();
    const first = await verify(nodeB.baseUrl, 'ivy@contoso.example', generated.secret);
    const rejectedAfterMs = performance.now() - acknowledgedAt;
    expect(first.status).toBe(401);

    // B's own read model catches up through its $all subscription.
    const onB = new ConsoleClient(nodeB.baseUrl);
    await onB.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await eventually(async () => {
      const page = await onB.data(APP_PASSWORDS, { filter: { userId: ivy.id } });
      return page['appPasswords'].edges[0]?.node.status === 'REVOKED' ? true : undefined;
    });
    const projectedAfterMs = performance.now() - acknowledgedAt;
    console.log(`revocation to rejection on node B: ${rejectedAfterMs.toFixed(1)} ms; to node B's read model: ${projectedAfterMs.toFixed(1)} ms (against the protocol fake)`);
  });
});
