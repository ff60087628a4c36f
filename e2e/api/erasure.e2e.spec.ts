import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, generate, KeywardProcess, REVOKE, verify, type GraphQLResponse, type Json } from '@keyward/e2e/support';

const ERASE = 'mutation($input: EraseUserDataInput!) { eraseUserData(input: $input) { id userPrincipalName displayName } }';
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id isEnabled } }';
const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

// A departed user's personal data leaves every view (docs/compliance.md), from a real Keyward:
// the views show a pseudonym; the signed audit log keeps the record for the retention period.
describe('erasing a departed user’s personal data', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example' });
  let admin: ConsoleClient;
  let erin: { id: string };
  let auditor: ConsoleClient;
  const NAME = /erin/i;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    erin = await createUser(admin, 'erin@contoso.example', ['USER'], { password: 'erin-console-password', displayName: 'Erin Example' });
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    const mail = await generate(admin, erin.id, 'Work mail');
    expect((await verify(keyward.baseUrl, 'erin@contoso.example', mail.secret)).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'erin@contoso.example', 'not-her-password')).status).toBe(401);
    const laptop = await generate(admin, erin.id, 'Old laptop');
    await admin.data(REVOKE, { input: { id: laptop.appPassword.id, reason: 'Laptop returned' } });
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('refuses while the user is enabled, without a reason, for oneself, and for an auditor', async () => {
    expect(codeOf(await admin.graphql(ERASE, { input: { userId: erin.id, reason: 'Left' } }))).toBe('CONFLICT');
    await admin.data(DISABLE, { id: erin.id });
    expect(codeOf(await admin.graphql(ERASE, { input: { userId: erin.id, reason: ' ' } }))).toBe('BAD_USER_INPUT');
    const me = (await admin.data('query { me { id } }'))['me'].id;
    expect(codeOf(await admin.graphql(ERASE, { input: { userId: me, reason: 'Me' } }))).toBe('FORBIDDEN');
    expect(codeOf(await auditor.graphql(ERASE, { input: { userId: erin.id, reason: 'Left' } }))).toBe('FORBIDDEN');
  });

  it('takes her name out of users, the inventory, its history, the reports and sign-in failures', async () => {
    const erased = (await admin.data(ERASE, { input: { userId: erin.id, reason: 'Left the company, HR-7' } }))['eraseUserData'];
    expect(erased).toMatchObject({ id: erin.id, displayName: 'Erased user', userPrincipalName: expect.stringMatching(/^erased-user-[0-9a-f]{12}$/) });
    const pseudonym = erased.userPrincipalName;
    const user = (await admin.data('query($id: ID!) { user(id: $id) { userPrincipalName displayName } }', { id: erin.id }))['user'];
    expect(user).toEqual({ userPrincipalName: pseudonym, displayName: 'Erased user' });
    expect((await admin.data('query { users(filter: { search: "erin" }) { totalCount } }'))['users'].totalCount).toBe(0);
    const inventory = (await admin.data('query { appPasswords { edges { node { label user { userPrincipalName } } } } }'))['appPasswords'].edges.map((edge: Json) => edge.node);
    expect(inventory.filter((node: Json) => node.label === 'Work mail')).toEqual([{ label: 'Work mail', user: { userPrincipalName: pseudonym } }]);
    const asOf = await admin.data('query($at: DateTime!) { appPasswordsAsOf(at: $at, filter: { search: "erin" }) { totalCount } }', { at: new Date().toISOString() });
    expect(asOf['appPasswordsAsOf'].totalCount).toBe(0);
    for (const report of ['inventory', 'credential-changes', 'survived-reset', 'policy-exceptions']) {
      const csv = await (await fetch(`${keyward.baseUrl}/reports/${report}`, { headers: { cookie: auditor.sessionCookie } })).text();
      expect([report, NAME.test(csv)]).toEqual([report, false]);
    }
    expect(await (await fetch(`${keyward.baseUrl}/reports/inventory`, { headers: { cookie: auditor.sessionCookie } })).text()).toContain(pseudonym);
    // Her sign-ins stay, under the pseudonym: what the credentials did is the record.
    const signIns = await admin.data('query($id: ID!) { user(id: $id) { signIns(first: 10) { totalCount } } }', { id: erin.id });
    expect(signIns['user'].signIns.totalCount).toBeGreaterThanOrEqual(1);
    // Her name cannot sign in again.
    expect(await new ConsoleClient(keyward.baseUrl).signIn('erin@contoso.example', 'erin-console-password')).toBe(401);
  });

  it('keeps the record: the erasure is an event with its reason, and the signed audit log still holds what it recorded', async () => {
    const events = (await auditor.data(AUDIT_EVENTS, { filter: { streamId: `user-${erin.id}` } }))['auditEvents'].edges.map((edge: Json) => edge.node);
    expect(events.map((event: Json) => event.type)).toEqual(['UserCreated', 'UserDisabled', 'UserErased']);
    expect(events[2].data).toMatchObject({ reason: 'Left the company, HR-7' });
    expect(JSON.stringify(events[2].data)).not.toMatch(NAME);
    // The legal record (docs/compliance.md): the creation as it was recorded, verifiable offline.
    expect(events[0].data.userPrincipalName).toBe('erin@contoso.example');
    const checkpoint = await fetch(`${keyward.baseUrl}/audit/checkpoint`, { headers: { cookie: auditor.sessionCookie } });
    expect(checkpoint.status).toBe(200);
  });
});
