import { composeAppPassword } from '@keyward/app-passwords/domain';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, eventually, generate, KeywardProcess, verify, type Json } from '@keyward/e2e/support';

const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

const VIEW = `query($filter: AppPasswordFilter, $first: Int, $after: String, $sort: AppPasswordSort) {
  appPasswords(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id label status lastUsedProtocol user { userPrincipalName } } } } }`;
const SIGN_INS = `query($id: ID!) { user(id: $id) { signIns(first: 50) { totalCount edges { node { outcome reason protocol sourceIp appPasswordId } } } } }`;
const POLICY_FIELDS = 'maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable';
const CHANGE_POLICY = `mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ${POLICY_FIELDS} } }`;

const ids = (data: Json) => data['appPasswords'].edges.map((edge: Json) => edge['node'].id as string);

// The queries behind the console's pages, against a real Keyward process with real sign-ins.
describe('oversight: dashboard, inventory, timelines and policy', () => {
  const keyward = new KeywardProcess();
  let admin: ConsoleClient;
  let alice: { id: string };
  let bob: { id: string };
  let aliceMail: { secret: string; appPassword: { id: string } };
  let aliceScript: { secret: string; appPassword: { id: string } };
  let bobPhone: { secret: string; appPassword: { id: string } };

  const signIn = (user: string, password: string, protocol: string, ip: string) =>
    verify(keyward.baseUrl, user, password, { 'X-Keyward-Protocol': protocol, 'X-Forwarded-For': ip });

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    alice = await createUser(admin, 'alice@contoso.example', ['USER'], { password: 'alice-console-password' });
    bob = await createUser(admin, 'bob@contoso.example', ['USER'], { password: 'bob-console-password' });
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    aliceMail = await generate(admin, alice.id, 'Thunderbird');
    aliceScript = await generate(admin, alice.id, 'Backup script', { expiresInDays: 5 });
    bobPhone = await generate(admin, bob.id, 'iPhone Mail');
    await generate(admin, bob.id, 'Never used');
    expect((await signIn('alice@contoso.example', aliceMail.secret, 'imap', '192.0.2.10')).status).toBe(204);
    expect((await signIn('alice@contoso.example', aliceMail.secret, 'imap', '192.0.2.11')).status).toBe(204);
    expect((await signIn('bob@contoso.example', bobPhone.secret, 'smtp', '198.51.100.7')).status).toBe(204);
    const wrongSecret = composeAppPassword(aliceScript.appPassword.id, 'a'.repeat(18)).password;
    expect((await signIn('alice@contoso.example', wrongSecret, 'http', '203.0.113.5')).status).toBe(401);
    // Sign-ins reach the read models shortly after they are answered.
    await eventually(async () => ((await admin.data(SIGN_INS, { id: alice.id }))['user'].signIns.totalCount === 3 ? true : undefined));
    await eventually(async () => ((await admin.data(SIGN_INS, { id: bob.id }))['user'].signIns.totalCount === 1 ? true : undefined));
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  async function as(user: string, password: string): Promise<ConsoleClient> {
    const client = new ConsoleClient(keyward.baseUrl);
    expect(await client.signIn(user, password)).toBe(200);
    return client;
  }

  it('filters the inventory on the server by protocol used, never used, label, user and expiry', async () => {
    const view = async (filter: Json) => ids(await admin.data(VIEW, { filter }));
    expect(await view({ protocol: 'imap' })).toEqual([aliceMail.appPassword.id]);
    expect(await view({ protocol: 'smtp' })).toEqual([bobPhone.appPassword.id]);
    expect((await view({ isNeverUsed: true })).sort()).toEqual(expect.arrayContaining([aliceScript.appPassword.id]));
    expect(await view({ isNeverUsed: true, user: 'bob@' })).toHaveLength(1);
    expect(await view({ label: 'backup' })).toEqual([aliceScript.appPassword.id]);
    expect(await view({ expiresWithinDays: 14 })).toEqual([aliceScript.appPassword.id]);
    expect(codeOf(await admin.graphql(VIEW, { filter: { expiresWithinDays: -1 } }))).toBe('BAD_USER_INPUT');
  });

  it('sorts and pages with cursors that walk the whole view exactly once', async () => {
    const sort = { field: 'LABEL', direction: 'ASC' };
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: Json = (await admin.data(VIEW, { first: 1, after, sort }))['appPasswords'];
      walked.push(...page['edges'].map((edge: Json) => edge['node'].label as string));
      after = page['pageInfo'].hasNextPage ? page['pageInfo'].endCursor : null;
    } while (after);
    expect(walked).toEqual(['Backup script', 'iPhone Mail', 'Never used', 'Thunderbird']);
    const byUse = await admin.data(VIEW, { sort: { field: 'USE_COUNT', direction: 'DESC' }, first: 2 });
    expect(ids(byUse)[0]).toBe(aliceMail.appPassword.id);
  });

  it('exports exactly the current view as CSV, and refuses a malformed filter with 400', async () => {
    const view = ids(await admin.data(VIEW, { filter: { user: 'alice' }, sort: { field: 'LABEL', direction: 'DESC' } }));
    const response = await fetch(`${keyward.baseUrl}/exports/app-passwords.csv?user=alice&sort=LABEL&direction=DESC`, { headers: { cookie: admin.sessionCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // What an export holds is kept by no browser or proxy.
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csv = await response.text();
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0].startsWith('id,user,label,status')).toBe(true);
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(view);
    expect(csv).not.toContain('argon2');
    const bad = await fetch(`${keyward.baseUrl}/exports/app-passwords.csv?status=SOMETIMES`, { headers: { cookie: admin.sessionCookie } });
    expect(bad.status).toBe(400);
    expect((await fetch(`${keyward.baseUrl}/exports/app-passwords.csv`)).status).toBe(401);
  });

  it("shows a user's sign-in timeline with reasons, and each credential's addresses and days", async () => {
    const timeline = (await admin.data(SIGN_INS, { id: alice.id }))['user'].signIns;
    expect(timeline.totalCount).toBe(3);
    const nodes = timeline.edges.map((edge: Json) => edge['node']);
    expect(nodes[0]).toMatchObject({ outcome: 'REJECTED', protocol: 'http', sourceIp: '203.0.113.5', appPasswordId: aliceScript.appPassword.id });
    expect(nodes[0].reason).toBe('WRONG_SECRET');
    expect(nodes.slice(1).map((node: Json) => node.outcome)).toEqual(['USED', 'USED']);
    const usage = await admin.data(`query($id: ID!) { appPassword(id: $id) { usage(days: 7) { addresses { sourceIp uses rejections } perDay { day uses } } } }`, {
      id: aliceMail.appPassword.id,
    });
    const { addresses, perDay } = usage['appPassword'].usage;
    expect(addresses.map((a: Json) => a.sourceIp).sort()).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(perDay).toHaveLength(7);
    expect(perDay[6]).toMatchObject({ day: new Date().toISOString().slice(0, 10), uses: 2 });
  });

  it('lets a user read only their own timeline', async () => {
    const aliceClient = await as('alice@contoso.example', 'alice-console-password');
    const own = await aliceClient.data(`{ me { signIns(outcome: REJECTED) { totalCount edges { node { reason } } } } }`);
    expect(own['me'].signIns.totalCount).toBe(1);
    expect(await aliceClient.data(SIGN_INS, { id: bob.id })).toEqual({ user: null });
    expect(codeOf(await aliceClient.graphql('{ dashboard { counts { active } } }'))).toBe('FORBIDDEN');
    const bobs = await aliceClient.data(`query($id: ID!) { appPassword(id: $id) { id } }`, { id: bobPhone.appPassword.id });
    expect(bobs['appPassword']).toBeNull();
  });

  it('counts what matters on the dashboard, from the same events', async () => {
    const { dashboard } = await admin.data(`{ dashboard {
      counts { active expiringSoon neverUsed revokedThisWeek rejectedLast24Hours }
      signInsPerDay { day key count } rejectionsPerDay { key count } activePerDay { day count } } }`);
    expect(dashboard.counts).toMatchObject({ active: 4, expiringSoon: 1, neverUsed: 2, revokedThisWeek: 0, rejectedLast24Hours: 1 });
    const today = new Date().toISOString().slice(0, 10);
    expect(dashboard.signInsPerDay).toEqual(
      expect.arrayContaining([
        { day: today, key: 'imap', count: 2 },
        { day: today, key: 'smtp', count: 1 },
      ]),
    );
    expect(dashboard.activePerDay).toHaveLength(30);
    expect(dashboard.activePerDay[29]).toEqual({ day: today, count: 4 });
  });

  it('revokes all of a user’s app passwords in one action, after which none verifies', async () => {
    const auditor = await as('audrey@contoso.example', 'audrey-console-password');
    const REVOKE_ALL = `mutation($input: RevokeUserAppPasswordsInput!) { revokeUserAppPasswords(input: $input) { id status revokeReason } }`;
    expect(codeOf(await auditor.graphql(REVOKE_ALL, { input: { userId: alice.id, reason: 'x' } }))).toBe('FORBIDDEN');
    expect(codeOf(await admin.graphql(REVOKE_ALL, { input: { userId: alice.id, reason: '  ' } }))).toBe('BAD_USER_INPUT');
    const revoked = (await admin.data(REVOKE_ALL, { input: { userId: alice.id, reason: 'Laptop stolen' } }))['revokeUserAppPasswords'];
    expect(revoked.map((r: Json) => r.id).sort()).toEqual([aliceMail.appPassword.id, aliceScript.appPassword.id].sort());
    expect(revoked.every((r: Json) => r.status === 'REVOKED' && r.revokeReason === 'Laptop stolen')).toBe(true);
    expect((await signIn('alice@contoso.example', aliceMail.secret, 'imap', '192.0.2.10')).status).toBe(401);
    expect((await admin.data(REVOKE_ALL, { input: { userId: alice.id, reason: 'again' } }))['revokeUserAppPasswords']).toEqual([]);
    expect((await signIn('bob@contoso.example', bobPhone.secret, 'smtp', '198.51.100.7')).status).toBe(204);
  });

  it('revokes a disabled user’s app passwords when the policy says so, and only those held at that moment', async () => {
    const carol = await createUser(admin, 'carol@contoso.example');
    const laptop = await generate(admin, carol.id, 'Laptop');
    const status = async (id: string) => (await admin.data(`query($id: ID!) { appPassword(id: $id) { status revokedBy revokeReason } }`, { id }))['appPassword'];
    await admin.data(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: carol.id });
    const revoked = await eventually(async () => {
      const now = await status(laptop.appPassword.id);
      return now.status === 'REVOKED' ? now : undefined;
    });
    expect(revoked.revokedBy).toBe('system:revoke-on-disable');
    expect(revoked.revokeReason).toContain('User disabled');
    await admin.data(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: carol.id });
    const phone = await generate(admin, carol.id, 'Phone');
    expect((await signIn('carol@contoso.example', phone.secret, 'imap', '192.0.2.40')).status).toBe(204);

    const policy = (await admin.data(`{ tenantPolicy { ${POLICY_FIELDS} } }`))['tenantPolicy'];
    await admin.data(CHANGE_POLICY, { input: { ...policy, revokesOnDisable: false } });
    await admin.data(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: carol.id });
    await admin.data(`mutation($id: ID!) { enableUser(id: $id) { id } }`, { id: carol.id });
    // The second disable came after the policy change: the phone stays active.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await status(phone.appPassword.id)).status).toBe('ACTIVE');
    await admin.data(CHANGE_POLICY, { input: policy });
  });

  it('records a policy change as one event with its actor; only global admins change it', async () => {
    const auditor = await as('audrey@contoso.example', 'audrey-console-password');
    const current = (await auditor.data(`{ tenantPolicy { ${POLICY_FIELDS} } }`))['tenantPolicy'];
    expect(current.maxActivePerUser).toBe(40);
    const strict = { ...current, maxActivePerUser: 3, idleRevocationDays: null, allowedScopes: ['smtp', 'imap'] };
    expect(codeOf(await auditor.graphql(CHANGE_POLICY, { input: strict }))).toBe('FORBIDDEN');
    expect(codeOf(await admin.graphql(CHANGE_POLICY, { input: { ...strict, maxLifetimeDays: 0 } }))).toBe('BAD_USER_INPUT');
    expect((await admin.data(CHANGE_POLICY, { input: strict }))['changeTenantPolicy']).toEqual({ ...strict, allowedScopes: ['imap', 'smtp'] });
    await admin.data(CHANGE_POLICY, { input: strict });
    const events = (await admin.data(AUDIT_EVENTS, { filter: { types: ['TenantPolicyChanged'] } }))['auditEvents'];
    expect(events.totalCount).toBe(3);
    const me = (await admin.data('{ me { id } }'))['me'];
    expect(events.edges.every((edge: Json) => edge.node.actor === `user:${me.id}`)).toBe(true);
    // The new policy governs the next generation.
    await generate(admin, bob.id, 'Second');
    expect(codeOf(await admin.graphql(`mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { secret } }`, { input: { userId: bob.id, label: 'Third' } }))).toBe(
      'POLICY_VIOLATION',
    );
  });

  it('serves the console so that a new version is picked up: index.html is asked for again, the bundles it names may be kept', async () => {
    for (const path of ['/', '/index.html', '/app-passwords']) {
      const page = await fetch(`${keyward.baseUrl}${path}`);
      expect([path, page.status, page.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
    }
    const html = await (await fetch(`${keyward.baseUrl}/`)).text();
    const bundle = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(bundle).toBeDefined();
    expect((await fetch(`${keyward.baseUrl}/${bundle}`)).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers 404 for a path that is neither an API route nor a console page, so no API path seems to exist that does not', async () => {
    // Every page of the console's routes (apps/console/src/app/app.routes.ts) is served as the console.
    const pages = ['/sign-in', '/signed-in-again', '/dashboard', '/app-passwords', '/app-passwords/some-id', '/users', '/users/some-id', '/audit', '/exports', '/reports', '/reviews', '/policy'];
    pages.push('/me/security', '/me/app-passwords', '/me/api-tokens', '/incidents/cases', '/incidents/cases/some-id', '/incidents/leaks', '/incidents/alerts');
    for (const path of pages) {
      const page = await fetch(`${keyward.baseUrl}${path}`);
      expect([path, page.status, page.headers.get('content-type')]).toEqual([path, 200, expect.stringContaining('text/html')]);
    }
    for (const path of ['/reports/no-such/report', '/exports/no-such-export', '/audit/no-such-thing', '/auth/nothing', '/.well-known/nothing']) {
      const response = await fetch(`${keyward.baseUrl}${path}`, { headers: { accept: 'text/html,*/*' } });
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 404, expect.not.stringContaining('text/html')]);
    }
    // A mistyped page in a browser gets the console (it goes home from there), with a 404.
    const mistyped = await fetch(`${keyward.baseUrl}/dashbaord`, { headers: { accept: 'text/html' } });
    expect([mistyped.status, mistyped.headers.get('content-type')]).toEqual([404, expect.stringContaining('text/html')]);
    expect((await fetch(`${keyward.baseUrl}/dashbaord`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });
});
