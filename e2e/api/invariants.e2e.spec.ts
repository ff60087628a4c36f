import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, rebuildReadModels, REVOKE, snapshotReadModels, verify } from '@keyward/e2e/support';

describe('invariants under concurrency, and read models rebuilt from zero', () => {
  const keyward = new KeywardProcess();
  let admin: ConsoleClient;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('never lets a user hold more active app passwords than policy allows, even with 50 requests at once', async () => {
    const grace = await createUser(admin, 'grace@contoso.example');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        admin.graphql(`mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { appPassword { id } } }`, {
          input: { userId: grace.id, label: `device ${i}` },
        }),
      ),
    );
    const succeeded = results.filter((r) => r.data?.['generateAppPassword']);
    const refused = results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);
    expect(succeeded).toHaveLength(40);
    // A lost race is decided again, never reported: every refusal is the limit's.
    expect(refused).toEqual(Array.from({ length: 10 }, () => 'POLICY_VIOLATION'));

    // A revoked one frees its slot.
    const first = succeeded[0].data?.['generateAppPassword'].appPassword.id;
    await admin.data(REVOKE, { input: { id: first, reason: 'rotate' } });
    expect((await generate(admin, grace.id, 'replacement')).secret).toBeTruthy();
  }, 120_000);

  it('writes exactly one event when the same credential is revoked many times at once', async () => {
    const heidi = await createUser(admin, 'heidi@contoso.example');
    const generated = await generate(admin, heidi.id);
    await Promise.all(
      Array.from({ length: 10 }, () => admin.graphql(REVOKE, { input: { id: generated.appPassword.id, reason: 'leak' } })),
    );
    await verify(keyward.baseUrl, 'heidi@contoso.example', generated.secret);
    const db = new Database(join(keyward.dataDir, 'events.sqlite'), { readonly: true });
    const revocations = db
      .prepare("SELECT count(*) AS n FROM events WHERE stream_id = ? AND type = 'AppPasswordRevoked'")
      .get(`appPassword-${generated.appPassword.id}`) as { n: number };
    db.close();
    expect(revocations.n).toBe(1);
  });

  it('rebuilds every read model from zero to exactly the state the live projections had', async () => {
    const ivan = await createUser(admin, 'ivan@contoso.example');
    const generated = await generate(admin, ivan.id);
    await verify(keyward.baseUrl, 'ivan@contoso.example', generated.secret, { 'x-keyward-protocol': 'smtp' });
    await verify(keyward.baseUrl, 'ivan@contoso.example', 'kwwrongwrongwrongwrongwrongwrong');
    const bulk = 'mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id } }';
    await admin.data(bulk, { input: { filter: { userIds: [ivan.id] }, reason: '', incidentRef: '', dryRun: true } });
    await admin.data(bulk, { input: { filter: { userIds: [ivan.id] }, reason: 'drill', incidentRef: 'INC-1', expectedMatched: 1 } });
    await keyward.stop();

    const live = snapshotReadModels(keyward.dataDir);
    expect(rebuildReadModels(keyward.dataDir)).toMatch(/Rebuilt 11 read models/);
    const rebuilt = snapshotReadModels(keyward.dataDir);
    expect(rebuilt).toEqual(live);
    expect(live['app_password_list'].length).toBeGreaterThan(40);
    await keyward.start();
  }, 120_000);
});
