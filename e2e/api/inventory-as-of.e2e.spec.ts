import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, REVOKE, verify, type GraphQLResponse, type Json } from '@keyward/e2e/support';

const AS_OF = `query($at: DateTime!, $filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
  appPasswordsAsOf(at: $at, filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id label status lastUsedAt useCount revokedBy user { userPrincipalName } } } } }`;
const RENAME = 'mutation($input: RenameAppPasswordInput!) { renameAppPassword(input: $input) { id } }';
const RESET = 'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }';

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
/** The moment just after a step: what the inventory showed then. */
async function moment(): Promise<string> {
  await pause();
  const at = new Date().toISOString();
  await pause();
  return at;
}

// The inventory at any moment (DESIGN §8 appPasswordsAsOf), from a real Keyward: a credential's
// life (generated, used, renamed, revoked) read back at each moment in between.
describe('the inventory as of a moment', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  let admin: ConsoleClient;
  const at: Record<string, string> = {};
  let mail: { secret: string; appPassword: { id: string } };
  let alice: { id: string };
  const asOf = async (moment: string, variables: Json = {}) => (await admin.data(AS_OF, { at: moment, ...variables }))['appPasswordsAsOf'];
  const nodes = (connection: Json) => connection.edges.map((edge: Json) => edge.node);

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    alice = await createUser(admin, 'alice@contoso.example', ['USER'], { password: 'alice-console-password' });
    at['before'] = await moment();
    mail = await generate(admin, alice.id, 'Thunderbird');
    at['generated'] = await moment();
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', mail.secret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', mail.secret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    at['used'] = await moment();
    await admin.data(RENAME, { input: { id: mail.appPassword.id, label: 'Thunderbird on laptop' } });
    at['renamed'] = await moment();
    await generate(admin, alice.id, 'iPhone Mail');
    await admin.data(REVOKE, { input: { id: mail.appPassword.id, reason: 'Laptop stolen' } });
    at['revoked'] = await moment();
    // The policy revokes what a reset leaves behind: iPhone Mail goes too, after this moment.
    await admin.data(RESET, { input: { userId: alice.id, password: 'a brand new console password' } });
    at['reset'] = await moment();
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('shows each credential as it stood: absent before, then active, used, renamed and revoked', async () => {
    const aliceOnly = { filter: { userId: alice.id } };
    expect((await asOf(at['before'], aliceOnly)).totalCount).toBe(0);
    expect(nodes(await asOf(at['generated'], aliceOnly))).toEqual([
      { id: mail.appPassword.id, label: 'Thunderbird', status: 'ACTIVE', lastUsedAt: null, useCount: 0, revokedBy: null, user: { userPrincipalName: 'alice@contoso.example' } },
    ]);
    const used = nodes(await asOf(at['used'], aliceOnly))[0];
    expect(used).toMatchObject({ label: 'Thunderbird', status: 'ACTIVE', useCount: 2 });
    expect(used.lastUsedAt > at['generated'] && used.lastUsedAt < at['used']).toBe(true);
    expect(nodes(await asOf(at['renamed'], aliceOnly))[0]).toMatchObject({ label: 'Thunderbird on laptop', status: 'ACTIVE', useCount: 2 });
    const after = nodes(await asOf(at['revoked'], aliceOnly));
    expect(after.map((node: Json) => [node.label, node.status])).toEqual([
      ['iPhone Mail', 'ACTIVE'],
      ['Thunderbird on laptop', 'REVOKED'],
    ]);
    expect(after[1].revokedBy).toMatch(/^user:/);
  });

  it('filters and pages as the inventory does, with the status and the password resets of that moment', async () => {
    expect((await asOf(at['renamed'], { filter: { status: 'REVOKED' } })).totalCount).toBe(0);
    expect(nodes(await asOf(at['revoked'], { filter: { status: 'REVOKED' } })).map((node: Json) => node.id)).toEqual([mail.appPassword.id]);
    expect((await asOf(at['renamed'], { filter: { search: 'laptop' } })).totalCount).toBe(1);
    expect((await asOf(at['used'], { filter: { search: 'laptop' } })).totalCount).toBe(0);
    // Both of alice's predate her reset, which had not happened at `revoked`.
    expect((await asOf(at['revoked'], { filter: { survivedPasswordReset: true } })).totalCount).toBe(0);
    expect((await asOf(at['reset'], { filter: { survivedPasswordReset: true, userId: alice.id } })).totalCount).toBe(2);
    const first = await asOf(at['revoked'], { first: 1, sort: { field: 'LABEL', direction: 'ASC' }, filter: { userId: alice.id } });
    expect([first.totalCount, first.pageInfo.hasNextPage, nodes(first)[0].label]).toEqual([2, true, 'iPhone Mail']);
    const second = await asOf(at['revoked'], { first: 1, after: first.pageInfo.endCursor, sort: { field: 'LABEL', direction: 'ASC' }, filter: { userId: alice.id } });
    expect([second.pageInfo.hasNextPage, nodes(second)[0].label]).toEqual([false, 'Thunderbird on laptop']);
  });

  it('filters and sorts on sign-ins as they stood then: never used, last used, unused for, protocol, address, use count', async () => {
    const aliceOnly = (extra: Json) => ({ userId: alice.id, ...extra });
    const count = async (moment: string, filter: Json) => (await asOf(moment, { filter: aliceOnly(filter) })).totalCount;
    expect(await count(at['generated'], { isNeverUsed: true })).toBe(1);
    expect(await count(at['used'], { isNeverUsed: true })).toBe(0);
    expect(await count(at['generated'], { protocol: 'imap' })).toBe(0);
    expect(await count(at['used'], { protocol: 'imap' })).toBe(1);
    expect(await count(at['used'], { protocol: 'smtp' })).toBe(0);
    expect(await count(at['used'], { lastUsedAfter: at['generated'] })).toBe(1);
    expect(await count(at['used'], { lastUsedBefore: at['generated'] })).toBe(0);
    expect(await count(at['used'], { usedFromAddress: '127.0.0.0/8' })).toBe(1);
    expect(await count(at['generated'], { usedFromAddress: '127.0.0.0/8' })).toBe(0);
    expect(await count(at['used'], { unusedForDays: 1 })).toBe(0);
    expect(await count(at['used'], { unusedForDays: 0 })).toBe(1);
    const bySignIns = nodes(await asOf(at['revoked'], { filter: aliceOnly({}), sort: { field: 'USE_COUNT', direction: 'DESC' } }));
    expect(bySignIns.map((node: Json) => [node.label, node.useCount])).toEqual([
      ['Thunderbird on laptop', 2],
      ['iPhone Mail', 0],
    ]);
    // Paged by last use: the count stands on every page, past the last one too.
    const byLastUse = { filter: aliceOnly({}), sort: { field: 'LAST_USED_AT', direction: 'DESC' }, first: 1 };
    const firstPage = await asOf(at['revoked'], byLastUse);
    expect([nodes(firstPage)[0].label, firstPage.totalCount, firstPage.pageInfo.hasNextPage]).toEqual(['Thunderbird on laptop', 2, true]);
    const secondPage = await asOf(at['revoked'], { ...byLastUse, after: firstPage.pageInfo.endCursor });
    expect([nodes(secondPage)[0].label, secondPage.totalCount, secondPage.pageInfo.hasNextPage]).toEqual(['iPhone Mail', 2, false]);
    const pastTheEnd = await asOf(at['revoked'], { ...byLastUse, after: secondPage.pageInfo.endCursor });
    expect([nodes(pastTheEnd), pastTheEnd.totalCount]).toEqual([[], 2]);
  });

  it('refuses a moment in the future or before the tenant existed with BAD_USER_INPUT', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(codeOf(await admin.graphql(AS_OF, { at: future }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.graphql(AS_OF, { at: '2001-01-01T00:00:00Z' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await admin.graphql(AS_OF, { at: at['used'], filter: { usedAfter: at['generated'] } }))).toBe('BAD_USER_INPUT');
    expect((await admin.graphql(AS_OF, { at: 'yesterday' })).errors?.length).toBe(1);
  });

  it('keeps tenants and owners apart', async () => {
    const other = new ConsoleClient(keyward.baseUrl);
    await other.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    expect((await other.data(AS_OF, { at: at['revoked'] }))['appPasswordsAsOf'].totalCount).toBe(0);
    const aliceSession = new ConsoleClient(keyward.baseUrl);
    expect(await aliceSession.signIn('alice@contoso.example', 'a brand new console password')).toBe(200);
    expect((await aliceSession.data(AS_OF, { at: at['revoked'] }))['appPasswordsAsOf'].totalCount).toBe(2);
    const adminOwn = await generate(admin, (await admin.data('query { me { id } }'))['me'].id, 'Admin mail');
    const now = await moment();
    const seen = nodes((await aliceSession.data(AS_OF, { at: now }))['appPasswordsAsOf']).map((node: Json) => node.id);
    expect(seen).not.toContain(adminOwn.appPassword.id);
  });
});
