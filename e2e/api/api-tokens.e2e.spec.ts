import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, KeywardProcess, type Json } from '@keyward/e2e/support';

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name role userId status expiresAt lastUsedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id status revokedBy } }`;
const LIST = `query { apiTokens(first: 50) { totalCount edges { node { id name role userId status revokedBy } } } }`;
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

// API tokens: `Authorization: Bearer kwt_…` acts as its creator with one of their roles, on GraphQL
// and the HTTP routes alike, and stops at once when revoked or when its creator is disabled.
describe('API tokens', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  const admin = new ConsoleClient('');
  const auditor = new ConsoleClient('');
  const other = new ConsoleClient('');
  let auditorId: string;

  beforeAll(async () => {
    await keyward.start();
    for (const client of [admin, auditor, other]) (client as { baseUrl: string }).baseUrl = keyward.baseUrl;
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await other.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    auditorId = (await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' })).id;
    await auditor.signIn('audrey@contoso.example', 'audrey-console-password');
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  const bearer = (token: string, query: string, variables: Json = {}) =>
    fetch(`${keyward.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const asToken = async (token: string, query: string, variables: Json = {}) => (await (await bearer(token, query, variables)).json()) as { data?: Json; errors?: { extensions?: { code?: string } }[] };

  it('given an auditor, when they create a token, then it is shown once, acts as them with the role, and the list never shows it again', async () => {
    // when
    const created = (await auditor.data(CREATE, { input: { name: 'Nightly SIEM export', role: 'AUDITOR' } }))['createApiToken'];
    // then
    expect(created.token).toMatch(/^kwt_[0-9A-Za-z]{50}$/);
    expect(created.apiToken).toMatchObject({ name: 'Nightly SIEM export', role: 'AUDITOR', userId: auditorId, status: 'ACTIVE', lastUsedAt: null });
    expect((await asToken(created.token, '{ me { userPrincipalName permissions { permission } } }')).data?.['me'].userPrincipalName).toBe('audrey@contoso.example');
    const listed = JSON.stringify(await auditor.data(LIST));
    expect(listed).toContain('Nightly SIEM export');
    expect(listed).not.toContain(created.token.slice(4));
    // and the HTTP routes take it too: the signed checkpoint
    const checkpoint = await fetch(`${keyward.baseUrl}/audit/checkpoint`, { headers: { authorization: `Bearer ${created.token}` } });
    expect(checkpoint.status).toBe(200);
    const bundle = await fetch(`${keyward.baseUrl}/exports/bundle?kind=inventory`, { headers: { authorization: `Bearer ${created.token}` } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/zip/);
    await bundle.arrayBuffer();
  });

  it("acts with at most its creator's role: an auditor's token changes nothing, and no one gets a role they lack", async () => {
    const { token } = (await auditor.data(CREATE, { input: { name: 'read only', role: 'AUDITOR' } }))['createApiToken'];
    expect(codeOf(await asToken(token, `mutation { createUser(input: { userPrincipalName: "x@contoso.example", displayName: "X", roles: [USER] }) { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await auditor.graphql(CREATE, { input: { name: 'escalation', role: 'GLOBAL_ADMIN' } }))).toBe('FORBIDDEN');
  });

  it("records what a token does with the token as the actor, and its creation with the creator's", async () => {
    // given
    const { token, apiToken } = (await admin.data(CREATE, { input: { name: 'provisioning script', role: 'GLOBAL_ADMIN' } }))['createApiToken'];
    // when
    const made = await asToken(token, `mutation { createUser(input: { userPrincipalName: "scripted@contoso.example", displayName: "Scripted", roles: [USER] }) { id } }`);
    // then
    const userId = made.data?.['createUser'].id;
    const page = await admin.data(AUDIT_EVENTS, { filter: { types: ['UserCreated', 'ApiTokenCreated'] }, first: 200 });
    const actors = page['auditEvents'].edges.map((edge: Json) => [edge.node.type, edge.node.streamId, edge.node.actor]);
    expect(actors).toEqual(expect.arrayContaining([['UserCreated', `user-${userId}`, `token:${apiToken.id}`], ['ApiTokenCreated', `apiToken-${apiToken.id}`, expect.stringMatching(/^user:/)]]));
    expect(JSON.stringify(page)).not.toContain('tokenHash');
    const named = await admin.data(`query { auditEvents(filter: { types: ["UserCreated"] }, first: 200) { edges { node { streamId actorName } } } }`);
    expect(named['auditEvents'].edges.find((edge: Json) => edge.node.streamId === `user-${userId}`).node.actorName).toBe('provisioning script (API token of admin@contoso.example)');
  });

  it('given a token, when it is revoked, then the next request is anonymous; a token cannot make tokens', async () => {
    const { token, apiToken } = (await auditor.data(CREATE, { input: { name: 'to revoke', role: 'AUDITOR' } }))['createApiToken'];
    expect(codeOf(await asToken(token, CREATE, { input: { name: 'child', role: 'AUDITOR' } }))).toBe('FORBIDDEN');
    // when
    const revoked = (await auditor.data(REVOKE, { id: apiToken.id }))['revokeApiToken'];
    // then
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedBy: `user:${auditorId}` });
    expect(codeOf(await asToken(token, '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it("given a token, when its creator is disabled, then it stops working; enabled again, it works again", async () => {
    const user = await createUser(admin, 'scriptwriter@contoso.example', ['USER'], { password: 'scriptwriter-password' });
    const writer = new ConsoleClient(keyward.baseUrl);
    await writer.signIn('scriptwriter@contoso.example', 'scriptwriter-password');
    const { token } = (await writer.data(CREATE, { input: { name: 'mine', role: 'USER' } }))['createApiToken'];
    await admin.data(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: user.id });
    expect(codeOf(await asToken(token, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    await admin.data(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: user.id });
    expect((await asToken(token, '{ me { id } }')).data?.['me'].id).toBe(user.id);
  });

  it("keeps a token's lifetime within the tenant policy's longest (maxApiTokenDays), which a global admin sets", async () => {
    // given
    const POLICY = '{ tenantPolicy { maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays } }';
    const policy = (await admin.data(POLICY))['tenantPolicy'];
    expect(policy.maxApiTokenDays).toBe(365);
    const CHANGE = 'mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { maxApiTokenDays } }';
    expect((await admin.data(CHANGE, { input: { ...policy, maxApiTokenDays: 30 } }))['changeTenantPolicy'].maxApiTokenDays).toBe(30);
    // when / then
    expect(codeOf(await auditor.graphql(CREATE, { input: { name: 'too long', role: 'AUDITOR', expiresInDays: 31 } }))).toBe('POLICY_VIOLATION');
    const { apiToken } = (await auditor.data(CREATE, { input: { name: 'by default', role: 'AUDITOR' } }))['createApiToken'];
    const days = (Date.parse(apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    // and a change that leaves it out (an older client) keeps it
    const { maxApiTokenDays: _left, ...older } = { ...policy, maxActivePerUser: 39 };
    expect((await admin.data(CHANGE, { input: older }))['changeTenantPolicy'].maxApiTokenDays).toBe(30);
    await admin.data(CHANGE, { input: policy });
  });

  it("keeps tenants apart: another tenant's admin can neither see nor revoke a token", async () => {
    const { apiToken } = (await auditor.data(CREATE, { input: { name: 'private', role: 'AUDITOR' } }))['createApiToken'];
    expect(JSON.stringify(await other.data(LIST))).not.toContain(apiToken.id);
    expect(codeOf(await other.graphql(REVOKE, { id: apiToken.id }))).toBe('NOT_FOUND');
    expect(codeOf(await auditor.graphql(REVOKE, { id: 'nosuchtoken1' }))).toBe('NOT_FOUND');
  });

  it('answers a wrong, a mistyped or a malformed token as no sign-in, and throttles an address that keeps trying', async () => {
    const { token } = (await auditor.data(CREATE, { input: { name: 'typo', role: 'AUDITOR' } }))['createApiToken'];
    const mistyped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    for (const wrong of [mistyped, 'kwt_short', 'not-a-token', `kwt_${'A'.repeat(50)}`]) {
      expect(codeOf(await asToken(wrong, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    }
    const statuses: number[] = [];
    for (let i = 0; i < 120 && !statuses.includes(429); i++) statuses.push((await bearer(`kwt_${'B'.repeat(50)}`, '{ me { id } }')).status);
    expect(statuses).toContain(429);
  });
});
