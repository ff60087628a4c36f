import {
  ADMIN_PASSWORD,
  AUDIT_EVENTS,
  ConsoleClient,
  createUser,
  eventually,
  generate,
  KeywardProcess,
  verify,
  type GraphQLResponse,
  type Json,
} from '@keyward/e2e/support';

const CASE_FIELDS = `id action status reason incidentRef requestedBy requestedAt matched revoked alreadyRevoked failed recentlyUsed usersAffected
  filter finishedAt reinstatement { status reinstated } sample { id label }`;
const REVOKE_BULK = `mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { ${CASE_FIELDS} } }`;
const SUSPEND_BULK = `mutation($input: BulkRevokeInput!) { suspendAppPasswords(input: $input) { ${CASE_FIELDS} } }`;
const REINSTATE = `mutation($input: ReinstateAppPasswordsInput!) { reinstateAppPasswords(input: $input) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!, $after: String) { revocationCase(id: $id) { ${CASE_FIELDS}
  outcomes(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { appPasswordId outcome detail appPassword { id status user { userPrincipalName } } } } } } }`;
const CASES = `query($first: Int, $after: String) { revocationCases(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status matched } } } }`;
const STATUS = `query($id: ID!) { appPassword(id: $id) { id status } }`;

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

// Incident response against a real Keyward process: by-query revocation with preview and
// confirmation, suspension and reinstatement, every refusal, and roles, all over HTTP.
describe('incident response: revoke suspected leaks by query, as a recorded case', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  let admin: ConsoleClient;
  let responder: ConsoleClient;
  let auditor: ConsoleClient;
  let alice: { id: string };
  let bob: { id: string };
  let carol: { id: string };
  const credentials: Record<string, { secret: string; appPassword: { id: string } }> = {};

  const signIn = (user: string, name: string, ip: string) => verify(keyward.baseUrl, user, credentials[name].secret, { 'X-Keyward-Protocol': 'imap', 'X-Forwarded-For': ip });
  const statusOf = async (name: string) => (await admin.data(STATUS, { id: credentials[name].appPassword.id }))['appPassword'].status;
  const finished = (client: ConsoleClient, id: string) =>
    eventually(async () => {
      const found = (await client.data(CASE, { id }))['revocationCase'];
      return found.status === 'RUNNING' ? undefined : found;
    }, 15_000);

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    alice = await createUser(admin, 'alice@contoso.example');
    bob = await createUser(admin, 'bob@contoso.example');
    carol = await createUser(admin, 'carol@contoso.example');
    await createUser(admin, 'rita@contoso.example', ['INCIDENT_RESPONDER'], { password: 'rita-console-password' });
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    responder = new ConsoleClient(keyward.baseUrl);
    expect(await responder.signIn('rita@contoso.example', 'rita-console-password')).toBe(200);
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    credentials['aliceMail'] = await generate(admin, alice.id, 'Thunderbird');
    credentials['alicePhone'] = await generate(admin, alice.id, 'iPhone Mail');
    credentials['bobMail'] = await generate(admin, bob.id, 'Outlook 2013');
    credentials['bobScanner'] = await generate(admin, bob.id, 'Scanner');
    credentials['carolV6'] = await generate(admin, carol.id, 'Backup script');
    // The suspect network: alice's mail client and bob's scanner sign in from it.
    expect((await signIn('alice@contoso.example', 'aliceMail', '203.0.113.7')).status).toBe(204);
    expect((await signIn('bob@contoso.example', 'bobScanner', '203.0.113.200')).status).toBe(204);
    expect((await signIn('bob@contoso.example', 'bobMail', '198.51.100.4')).status).toBe(204);
    expect((await signIn('carol@contoso.example', 'carolV6', '2001:db8:1::17')).status).toBe(204);
    const USED = 'query($filter: AppPasswordFilter) { appPasswords(filter: $filter) { totalCount } }';
    await eventually(async () => ((await admin.data(USED, { filter: { isNeverUsed: false } }))['appPasswords'].totalCount === 4 ? true : undefined));
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('previews what a query would do (a dry run changes nothing), then revokes exactly that as one case', async () => {
    const filter = { usedFromAddress: '203.0.113.0/24' };
    const preview = (await responder.data(REVOKE_BULK, { input: { filter, reason: '', incidentRef: '', dryRun: true } }))['revokeAppPasswords'];
    expect(preview).toMatchObject({ status: 'DRY_RUN', action: 'REVOKE', matched: 2, recentlyUsed: 2, usersAffected: 2, revoked: 0 });
    expect(preview.sample.map((credential: Json) => credential.id).sort()).toEqual([credentials['aliceMail'].appPassword.id, credentials['bobScanner'].appPassword.id].sort());
    expect(await statusOf('aliceMail')).toBe('ACTIVE');
    expect((await signIn('alice@contoso.example', 'aliceMail', '192.0.2.1')).status).toBe(204);

    // Confirmed with a stale count: CONFLICT, and nothing is revoked.
    const stale = await responder.graphql(REVOKE_BULK, { input: { filter, reason: 'Botnet sign-ins', incidentRef: 'INC-7', expectedMatched: 3 } });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/now matches 2 .*not the 3 expected/);
    expect(await statusOf('aliceMail')).toBe('ACTIVE');

    const started = (await responder.data(REVOKE_BULK, { input: { filter, reason: 'Botnet sign-ins', incidentRef: 'INC-7', expectedMatched: 2 } }))['revokeAppPasswords'];
    expect(started).toMatchObject({ matched: 2, reason: 'Botnet sign-ins', incidentRef: 'INC-7', requestedBy: expect.stringMatching(/^user:/) });
    const done = await finished(responder, started.id);
    expect(done).toMatchObject({ status: 'COMPLETED', revoked: 2, alreadyRevoked: 0, failed: 0, finishedAt: expect.any(String) });
    expect(await statusOf('aliceMail')).toBe('REVOKED');
    expect(await statusOf('bobScanner')).toBe('REVOKED');
    expect(await statusOf('alicePhone')).toBe('ACTIVE');
    expect((await signIn('alice@contoso.example', 'aliceMail', '192.0.2.1')).status).toBe(401);
    expect((await signIn('alice@contoso.example', 'alicePhone', '192.0.2.1')).status).toBe(204);

    // The outcome table pages, and every revocation event names the case, reason and incident.
    const first = (await auditor.data(CASE, { id: started.id }))['revocationCase'].outcomes;
    expect(first.totalCount).toBe(2);
    expect(first.edges).toHaveLength(2);
    expect(first.edges.map((edge: Json) => edge.node)).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'REVOKED', appPassword: expect.objectContaining({ status: 'REVOKED', user: { userPrincipalName: 'alice@contoso.example' } }) })]),
    );
    const events = (await admin.data(AUDIT_EVENTS, { filter: { streamId: `appPassword-${credentials['aliceMail'].appPassword.id}` }, first: 10 }))['auditEvents'].edges.map((edge: Json) => edge.node);
    const revocation = events.find((event: Json) => event.type === 'AppPasswordRevoked');
    expect(revocation.data).toMatchObject({ reason: 'Botnet sign-ins', incidentRef: 'INC-7', caseId: started.id });
    expect(revocation.actor).toBe(started.requestedBy);
  });

  it('matches addresses and blocks over IPv6, within a time window', async () => {
    const count = async (filter: Json) => (await responder.data(REVOKE_BULK, { input: { filter, reason: '', incidentRef: '', dryRun: true } }))['revokeAppPasswords'].matched;
    expect(await count({ usedFromAddress: '2001:db8:1::/48' })).toBe(1);
    expect(await count({ usedFromAddress: '2001:db8:1::17' })).toBe(1);
    expect(await count({ usedFromAddress: '2001:db8:2::/48' })).toBe(0);
    expect(await count({ usedFromAddress: '198.51.100.4', usedAfter: new Date(Date.now() - 3_600_000).toISOString() })).toBe(1);
    expect(await count({ usedFromAddress: '198.51.100.4', usedBefore: new Date(Date.now() - 3_600_000).toISOString() })).toBe(0);
    expect(await count({ userIds: [alice.id, carol.id] })).toBe(2);
  });

  it('suspends instead of revoking, and the case reinstates what it suspended', async () => {
    const suspended = (await responder.data(SUSPEND_BULK, { input: { filter: { ids: [credentials['carolV6'].appPassword.id] }, reason: 'Unusual source', incidentRef: 'INC-8', expectedMatched: 1 } }))[
      'suspendAppPasswords'
    ];
    expect(await finished(responder, suspended.id)).toMatchObject({ status: 'COMPLETED', action: 'SUSPEND', revoked: 1 });
    expect(await statusOf('carolV6')).toBe('SUSPENDED');
    expect((await signIn('carol@contoso.example', 'carolV6', '2001:db8:1::17')).status).toBe(401);
    // Suspended credentials are not ACTIVE: a second case does not match them.
    const again = await responder.graphql(REVOKE_BULK, { input: { filter: { ids: [credentials['carolV6'].appPassword.id] }, reason: 'x', incidentRef: 'INC-8' } });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');

    await responder.data(REINSTATE, { input: { caseId: suspended.id, reason: 'The source was our own VPN' } });
    const reinstated = await eventually(async () => {
      const found = (await responder.data(CASE, { id: suspended.id }))['revocationCase'];
      return found.reinstatement?.status === 'DONE' ? found : undefined;
    });
    expect(reinstated.reinstatement.reinstated).toBe(1);
    expect(await statusOf('carolV6')).toBe('ACTIVE');
    expect((await signIn('carol@contoso.example', 'carolV6', '2001:db8:1::17')).status).toBe(204);
    const twice = await responder.graphql(REINSTATE, { input: { caseId: suspended.id, reason: 'again' } });
    expect(codeOf(twice)).toBe('CONFLICT');
  });

  it('finds the app passwords that survived their owner’s password reset', async () => {
    const POLICY = `mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { revokesOnPasswordReset } }`;
    const current = (await admin.data('{ tenantPolicy { maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable } }'))['tenantPolicy'];
    await admin.data(POLICY, { input: { ...current, revokesOnPasswordReset: false } });
    await admin.data('mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }', { input: { userId: bob.id, password: 'a brand new password' } });
    credentials['bobAfterReset'] = await generate(admin, bob.id, 'New phone');
    const match = async (survived: boolean) =>
      (await responder.data(`query($filter: AppPasswordFilter) { appPasswords(filter: $filter) { edges { node { id } } } }`, { filter: { survivedPasswordReset: survived, userId: bob.id, status: 'ACTIVE' } }))[
        'appPasswords'
      ].edges.map((edge: Json) => edge.node.id);
    expect(await match(true)).toEqual([credentials['bobMail'].appPassword.id]);
    expect(await match(false)).toEqual([credentials['bobAfterReset'].appPassword.id]);
  });

  it('refuses bad input with a precise code and changes nothing', async () => {
    const bulk = (input: Json) => responder.graphql(REVOKE_BULK, { input: { reason: 'r', incidentRef: 'INC-9', ...input } });
    expect(codeOf(await bulk({ filter: { usedFromAddress: '203.0.113.0/33' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bulk({ filter: { usedFromAddress: 'not an address' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bulk({ filter: { usedAfter: '2026-01-01T00:00:00Z' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bulk({ filter: { usedFromAddress: '203.0.113.1', usedAfter: 'yesterday' } }))).toBe('BAD_USER_INPUT');
    // A filter that matches everything, without a reason or an incident reference.
    expect(codeOf(await bulk({ filter: {}, reason: '  ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bulk({ filter: {}, incidentRef: '' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bulk({ filter: { ids: Array.from({ length: 1_001 }, (_, i) => `id${i}`) } }))).toBe('BAD_USER_INPUT');
    // GraphQL's body limit stays small: a huge list is refused before it is parsed.
    const huge = await fetch(`${keyward.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: responder.sessionCookie },
      body: JSON.stringify({ query: REVOKE_BULK, variables: { input: { filter: { ids: Array.from({ length: 10_000 }, (_, i) => `id${i}`) }, reason: 'r', incidentRef: 'i' } } }),
    });
    expect(huge.status).toBe(413);
    expect(codeOf(await bulk({ filter: {}, expectedMatched: -1 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await responder.graphql(CASE, { id: 'no-such-case' }))).toBeUndefined();
    expect((await responder.data(CASE, { id: 'no-such-case' }))['revocationCase']).toBeNull();
    expect(codeOf(await responder.graphql('mutation { cancelRevocationCase(id: "no-such-case") { id } }'))).toBe('NOT_FOUND');
    expect(codeOf(await responder.graphql(REINSTATE, { input: { caseId: 'no-such-case', reason: 'x' } }))).toBe('NOT_FOUND');
    expect(await statusOf('alicePhone')).toBe('ACTIVE');
    expect(await statusOf('bobMail')).toBe('ACTIVE');

    // A revocation case cannot be reinstated, a completed one not cancelled.
    const cases = (await responder.data(CASES, { first: 50 }))['revocationCases'].edges.map((edge: Json) => edge.node);
    const completed = cases.find((found: Json) => found.status === 'COMPLETED' && found.matched === 2);
    expect(codeOf(await responder.graphql(REINSTATE, { input: { caseId: completed.id, reason: 'x' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await responder.graphql(`mutation { cancelRevocationCase(id: "${completed.id}") { id } }`))).toBe('CONFLICT');
  });

  it("keeps tenants apart: another tenant's case is not found, its credentials never match", async () => {
    const fabrikam = new ConsoleClient(keyward.baseUrl);
    await fabrikam.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const foreign = (await fabrikam.data(REVOKE_BULK, { input: { filter: {}, reason: '', incidentRef: '', dryRun: true } }))['revokeAppPasswords'];
    expect(foreign.matched).toBe(0);
    const fromContoso = (await fabrikam.data(REVOKE_BULK, { input: { filter: { ids: [credentials['alicePhone'].appPassword.id] }, reason: '', incidentRef: '', dryRun: true } }))['revokeAppPasswords'];
    expect(fromContoso.matched).toBe(0);
    expect((await admin.data(CASE, { id: foreign.id }))['revocationCase']).toBeNull();
    expect(codeOf(await admin.graphql(`mutation { cancelRevocationCase(id: "${foreign.id}") { id } }`))).toBe('NOT_FOUND');
    expect((await fabrikam.data(CASES, {}))['revocationCases'].totalCount).toBe(2);
  });

  it('lets auditors read cases but not act, and users neither', async () => {
    const cases = (await auditor.data(CASES, { first: 2 }))['revocationCases'];
    expect(cases.totalCount).toBeGreaterThan(4);
    expect(cases.pageInfo.hasNextPage).toBe(true);
    const next = (await auditor.data(CASES, { first: 2, after: cases.pageInfo.endCursor }))['revocationCases'];
    expect(next.edges[0].node.id).not.toBe(cases.edges[1].node.id);
    expect(codeOf(await auditor.graphql(REVOKE_BULK, { input: { filter: {}, reason: 'r', incidentRef: 'i', dryRun: true } }))).toBe('FORBIDDEN');
    const user = new ConsoleClient(keyward.baseUrl);
    await createUser(admin, 'ursula@contoso.example', ['USER'], { password: 'ursula-console-password' });
    await user.signIn('ursula@contoso.example', 'ursula-console-password');
    expect(codeOf(await user.graphql(CASES))).toBe('FORBIDDEN');
    expect(codeOf(await user.graphql(REVOKE_BULK, { input: { filter: {}, reason: 'r', incidentRef: 'i', dryRun: true } }))).toBe('FORBIDDEN');
  });

  it('downloads the outcome table as CSV', async () => {
    const cases = (await responder.data(CASES, { first: 50 }))['revocationCases'].edges.map((edge: Json) => edge.node);
    const completed = cases.find((found: Json) => found.status === 'COMPLETED' && found.matched === 2);
    const response = await fetch(`${keyward.baseUrl}/exports/revocation-cases/${completed.id}/outcomes.csv`, { headers: { cookie: auditor.sessionCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('app_password_id,user,label,outcome,detail,recorded_at,case_id,incident_ref');
    expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual(['REVOKED', 'REVOKED']);
    expect(lines.slice(1).map((line) => line.split(',')[1]).sort()).toEqual(['alice@contoso.example', 'bob@contoso.example']);
    expect((await fetch(`${keyward.baseUrl}/exports/revocation-cases/nope/outcomes.csv`, { headers: { cookie: auditor.sessionCookie } })).status).toBe(404);
  });
});
