import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ADMIN_PASSWORD, ConsoleClient, eventually, fleetHistory, KeywardProcess, writeHistory, type Json } from '@keyward/e2e/support';

const FLEET = 15_000;
const REVOKE_BULK = `mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id matched status } }`;
const CASE = `query($id: ID!) { revocationCase(id: $id) { id status matched revoked alreadyRevoked failed finishedAt cancelledBy } }`;
const COUNT = `query($filter: AppPasswordFilter) { appPasswords(filter: $filter) { totalCount } }`;

/** Reads the store file beside a running (or killed) Keyward: what was really written. */
function storeQuery<T>(dataDir: string, sql: string, ...params: unknown[]): T {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** How many outcome events the case has in the store. */
const outcomeEvents = (dataDir: string, caseId: string) =>
  storeQuery<{ n: number }>(dataDir, "SELECT count(*) AS n FROM events WHERE stream_id = ? AND type = 'RevocationOutcomesRecorded'", `revocationCase-${caseId}`).n;

/** Polls the store (not a read model) until `check` holds; fails after the timeout. */
async function untilStore(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the store never reached the expected state');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// Large cases against a real Keyward process and its store file: killed in the middle of a case,
// it resumes with no credential revoked twice and none missed; a running case can be cancelled.
describe('revocation cases: resumed after kill -9, cancelled midway', () => {
  // Steps of 200: a kill or a cancellation lands in the middle of the case however fast the machine.
  const keyward = new KeywardProcess({ startTimeoutMs: 120_000, env: { KEYWARD_CASE_STEP: '200' } });
  let admin: ConsoleClient;

  beforeAll(async () => {
    const at = new Date(Date.now() - 86_400_000);
    await writeHistory(keyward.dataDir, {
      ...fleetHistory('contoso.example', { name: 'north', users: FLEET / 10, perUser: 10, label: 'fleet north', at }),
      ...fleetHistory('contoso.example', { name: 'south', users: FLEET / 10, perUser: 10, label: 'fleet south', at }),
    });
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it(`resumes a case of ${FLEET} credentials after kill -9: each revoked exactly once, none missed`, async () => {
    const started = (await admin.data(REVOKE_BULK, { input: { filter: { label: 'fleet north' }, reason: 'Fleet compromised', incidentRef: 'INC-100', expectedMatched: FLEET } }))['revokeAppPasswords'];
    expect(started.matched).toBe(FLEET);
    // Killed once some outcomes are written and before all are.
    await untilStore(() => outcomeEvents(keyward.dataDir, started.id) >= 2);
    await keyward.kill();
    const recordedAtKill = outcomeEvents(keyward.dataDir, started.id);
    expect(recordedAtKill).toBeLessThan(FLEET / 200);

    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const done = await eventually(async () => {
      const found = (await admin.data(CASE, { id: started.id }))['revocationCase'];
      return found.status === 'COMPLETED' ? found : undefined;
    }, 60_000);
    expect(done).toMatchObject({ matched: FLEET, revoked: FLEET, alreadyRevoked: 0, failed: 0 });

    const revocations = storeQuery<{ events: number; credentials: number }>(
      keyward.dataDir,
      "SELECT count(*) AS events, count(DISTINCT stream_id) AS credentials FROM events WHERE type = 'AppPasswordRevoked' AND json_extract(data, '$.caseId') = ?",
      started.id,
    );
    expect(revocations).toEqual({ events: FLEET, credentials: FLEET });
    const outcomes = storeQuery<{ n: number }>(
      keyward.dataDir,
      "SELECT sum(json_array_length(data, '$.outcomes')) AS n FROM events WHERE stream_id = ? AND type = 'RevocationOutcomesRecorded'",
      `revocationCase-${started.id}`,
    );
    expect(outcomes.n).toBe(FLEET);
    // The inventory is a read model of its own: it may be a batch behind the case's page.
    const stillActive = async () => (await admin.data(COUNT, { filter: { label: 'fleet north', status: 'ACTIVE' } }))['appPasswords'].totalCount as number;
    expect(await eventually(async () => ((await stillActive()) === 0 ? 0 : undefined), 10_000)).toBe(0);
  }, 180_000);

  it('cancels a running case: what was done stays done and recorded, the rest stays active', async () => {
    // The answer to the request waits for the read models (read-your-writes), which a running case
    // keeps busy: the case id is taken from the store as soon as the request is there.
    const requested = admin.data(REVOKE_BULK, { input: { filter: { label: 'fleet south' }, reason: 'Suspected', incidentRef: 'INC-101', expectedMatched: FLEET } });
    let caseId = '';
    await untilStore(() => {
      const row = storeQuery<{ stream_id: string } | undefined>(keyward.dataDir, "SELECT stream_id FROM events WHERE type = 'RevocationCaseRequested' AND json_extract(data, '$.incidentRef') = 'INC-101'");
      caseId = row?.stream_id.slice('revocationCase-'.length) ?? '';
      return caseId !== '' && outcomeEvents(keyward.dataDir, caseId) >= 1;
    });
    const cancelled = (await admin.data(`mutation($id: ID!) { cancelRevocationCase(id: $id) { id status cancelledBy } }`, { id: caseId }))['cancelRevocationCase'];
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledBy: expect.stringMatching(/^user:/) });
    expect((await requested)['revokeAppPasswords'].id).toBe(caseId);
    const started = { id: caseId };

    // The step in flight when the cancellation came still has its outcomes recorded.
    const settled = await eventually(async () => {
      const found: Json = (await admin.data(CASE, { id: started.id }))['revocationCase'];
      const revokedInStore = storeQuery<{ n: number }>(keyward.dataDir, "SELECT count(*) AS n FROM events WHERE type = 'AppPasswordRevoked' AND json_extract(data, '$.caseId') = ?", started.id).n;
      return found.revoked === revokedInStore ? found : undefined;
    }, 10_000);
    expect(settled.status).toBe('CANCELLED');
    expect(settled.revoked).toBeGreaterThan(0);
    expect(settled.revoked).toBeLessThan(FLEET);
    const active = async () => (await admin.data(COUNT, { filter: { label: 'fleet south', status: 'ACTIVE' } }))['appPasswords'].totalCount as number;
    expect(await eventually(async () => ((await active()) === FLEET - settled.revoked ? FLEET - settled.revoked : undefined), 10_000)).toBe(FLEET - settled.revoked);
    expect((await admin.graphql(`mutation($id: ID!) { cancelRevocationCase(id: $id) { status } }`, { id: started.id })).data?.['cancelRevocationCase'].status).toBe('CANCELLED');
  }, 120_000);
});
