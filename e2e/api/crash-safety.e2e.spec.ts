import { ADMIN_PASSWORD, ConsoleClient, createUser, KeywardProcess, rebuildReadModels, REVOKE, snapshotReadModels, verify } from '@keyward/e2e/support';

const GENERATE = `mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { secret appPassword { id } } }`;
const STATUS = `query($id: ID!) { appPassword(id: $id) { id status } }`;
const BULK = `mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id } }`;
const CASES = `{ revocationCases(first: 200) { edges { node { id status } } } }`;
const ROUNDS = 20;
const USERS = 8;
/** Every sign-in comes from here, so that the owners' throttles never stand in the way (an address that signed in before). */
const FROM = { 'x-forwarded-for': '192.0.2.1' };

interface Credential {
  readonly id: string;
  readonly upn: string;
  readonly secret: string;
}

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

// Jepsen in spirit: Keyward is killed with SIGKILL twenty times, at a random moment of a mixed
// load of generations, revocations, verifications and bulk cases. A write counts as acknowledged
// once its answer arrived; one cut off by the kill may or may not have happened.
describe('crash safety: SIGKILL under load, twenty times', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_LOG_LEVEL: 'warn' } });
  const generated = new Map<string, Credential>();
  const revoked = new Set<string>();
  const cases: string[] = [];

  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  async function signedIn(): Promise<ConsoleClient> {
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    return admin;
  }

  /** Runs until the server goes away: what it was told is done is recorded, nothing else. */
  async function load(admin: ConsoleClient, upns: string[], userIds: Map<string, string>): Promise<void> {
    const alive = { value: true };
    const guard = async (work: () => Promise<void>) => {
      while (alive.value) {
        try {
          await work();
        } catch {
          alive.value = false;
        }
      }
    };
    const generator = guard(async () => {
      const upn = pick(upns) as string;
      const result = await admin.graphql(GENERATE, { input: { userId: userIds.get(upn), label: 'crash drill' } });
      const made = result.data?.['generateAppPassword'] as { secret: string; appPassword: { id: string } } | undefined;
      if (made) generated.set(made.appPassword.id, { id: made.appPassword.id, upn, secret: made.secret });
    });
    const revoker = guard(async () => {
      const target = pick([...generated.values()].filter((credential) => !revoked.has(credential.id)));
      if (!target) return void (await new Promise((resolve) => setTimeout(resolve, 20)));
      const result = await admin.graphql(REVOKE, { input: { id: target.id, reason: 'crash drill' } });
      if (result.data?.['revokeAppPassword']) revoked.add(target.id);
    });
    const verifier = guard(async () => {
      const target = pick([...generated.values()]);
      if (!target) return void (await new Promise((resolve) => setTimeout(resolve, 20)));
      await verify(keyward.baseUrl, target.upn, target.secret, FROM);
    });
    const bulk = guard(async () => {
      const targets = [...generated.values()].filter((credential) => !revoked.has(credential.id)).slice(0, 2);
      if (targets.length > 0) {
        const result = await admin.graphql(BULK, { input: { filter: { ids: targets.map((t) => t.id) }, reason: 'crash drill', incidentRef: 'INC-CRASH' } });
        const started = result.data?.['revokeAppPasswords'] as { id: string } | undefined;
        if (started) cases.push(started.id);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    await Promise.all([generator, revoker, verifier, bulk]);
  }

  it('loses no acknowledged write, lets no revoked credential verify, and its read models equal a rebuild from zero', async () => {
    await keyward.start();
    let admin = await signedIn();
    const userIds = new Map<string, string>();
    for (let i = 0; i < USERS; i++) userIds.set(`crash${i}@contoso.example`, (await createUser(admin, `crash${i}@contoso.example`)).id);
    const upns = [...userIds.keys()];
    for (let round = 0; round < ROUNDS; round++) {
      // given: the mixed load, and a kill at a random moment of it
      const revokedBefore = new Set(revoked);
      const running = load(admin, upns, userIds);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
      await keyward.kill();
      await running;
      // when
      await keyward.start();
      admin = await signedIn();
      // then: every acknowledged generation is there, and this round's revocations hold
      for (const credential of generated.values()) {
        const status = (await admin.data(STATUS, { id: credential.id }))['appPassword'] as { status: string } | null;
        expect({ id: credential.id, found: status !== null }).toEqual({ id: credential.id, found: true });
        if (revoked.has(credential.id)) expect({ id: credential.id, status: status?.status }).toEqual({ id: credential.id, status: 'REVOKED' });
      }
      for (const id of [...revoked].filter((id) => !revokedBefore.has(id))) {
        const credential = generated.get(id) as Credential;
        expect({ id, answer: (await verify(keyward.baseUrl, credential.upn, credential.secret, FROM)).status }).toEqual({ id, answer: 401 });
      }
    }
    // and the bulk cases a kill interrupted finish after the restart
    console.log(`acknowledged over ${ROUNDS} kills: ${generated.size} generations, ${revoked.size} revocations, ${cases.length} bulk cases`);
    expect(generated.size).toBeGreaterThan(ROUNDS);
    expect(revoked.size).toBeGreaterThan(ROUNDS);
    const finished = async () => {
      const edges = (await admin.data(CASES))['revocationCases'].edges as { node: { id: string; status: string } }[];
      return cases.every((id) => edges.some((edge) => edge.node.id === id && edge.node.status === 'COMPLETED'));
    };
    for (let wait = 0; wait < 100 && !(await finished()); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await finished()).toBe(true);
    // at the end: what the projections hold is what a rebuild from the events gives
    await keyward.stop();
    const live = snapshotReadModels(keyward.dataDir);
    expect(rebuildReadModels(keyward.dataDir)).toMatch(/Rebuilt \d+ read models/);
    expect(snapshotReadModels(keyward.dataDir)).toEqual(live);
    await keyward.start();
  }, 600_000);
});
