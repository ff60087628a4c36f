import { ADMIN_PASSWORD, APP_PASSWORDS, AUDIT_EVENTS, ConsoleClient, createUser, generate, KeywardProcess, REVOKE, verify } from '@keyward/e2e/support';

// Two tenants from KEYWARD_BOOTSTRAP_DOMAIN; every operation is checked on the server.
describe('tenants and roles', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  let contoso: ConsoleClient;
  let fabrikam: ConsoleClient;
  let contosoUser: { id: string };
  let contosoSecret: { secret: string; appPassword: { id: string } };

  beforeAll(async () => {
    await keyward.start();
    contoso = new ConsoleClient(keyward.baseUrl);
    fabrikam = new ConsoleClient(keyward.baseUrl);
    await contoso.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await fabrikam.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    contosoUser = await createUser(contoso, 'dave@contoso.example', ['USER'], { password: 'dave-console-password' });
    contosoSecret = await generate(contoso, contosoUser.id);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

  it("shows a tenant none of another tenant's users, app passwords or events", async () => {
    const users = await fabrikam.data('{ users { totalCount edges { node { userPrincipalName } } } }');
    expect(users['users'].edges.map((e: { node: { userPrincipalName: string } }) => e.node.userPrincipalName)).toEqual(['admin@fabrikam.example']);
    expect((await fabrikam.data(APP_PASSWORDS, {}))['appPasswords'].totalCount).toBe(0);
    const events = await fabrikam.data(AUDIT_EVENTS, { first: 200 });
    expect(JSON.stringify(events)).not.toContain('contoso');
    expect(await fabrikam.data(`query($id: ID!) { appPassword(id: $id) { id } user(id: $id) { id } }`, { id: contosoSecret.appPassword.id })).toEqual({
      appPassword: null,
      user: null,
    });
  });

  it("lets a tenant change nothing of another tenant's", async () => {
    expect(codeOf(await fabrikam.graphql(REVOKE, { input: { id: contosoSecret.appPassword.id, reason: 'x' } }))).toBe('NOT_FOUND');
    expect(codeOf(await fabrikam.graphql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: contosoUser.id }))).toBe('NOT_FOUND');
    const generateForOther = await fabrikam.graphql(
      `mutation($input: GenerateAppPasswordInput!) { generateAppPassword(input: $input) { secret } }`,
      { input: { userId: contosoUser.id, label: 'x' } },
    );
    expect(codeOf(generateForOther)).toBe('NOT_FOUND');
    const createInOther = await fabrikam.graphql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { userPrincipalName: 'mallory@contoso.example', displayName: 'M', roles: ['GLOBAL_ADMIN'] } },
    );
    expect(codeOf(createInOther)).toBe('BAD_USER_INPUT');
    expect((await verify(keyward.baseUrl, 'dave@contoso.example', contosoSecret.secret)).status).toBe(204);
  });

  it("keeps every oversight query and action inside the caller's tenant", async () => {
    const id = contosoSecret.appPassword.id;
    const across = await fabrikam.data(
      `query($id: ID!, $user: ID!) { appPassword(id: $id) { usage { addresses { sourceIp } } } user(id: $user) { signIns { totalCount } } dashboard { counts { active } } }`,
      { id, user: contosoUser.id },
    );
    expect(across).toEqual({ appPassword: null, user: null, dashboard: { counts: { active: 0 } } });
    expect(codeOf(await fabrikam.graphql(`mutation($input: RevokeUserAppPasswordsInput!) { revokeUserAppPasswords(input: $input) { id } }`, {
      input: { userId: contosoUser.id, reason: 'x' },
    }))).toBe('NOT_FOUND');
    expect(codeOf(await fabrikam.graphql(`mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }`, {
      input: { userId: contosoUser.id, password: 'a-long-enough-password' },
    }))).toBe('NOT_FOUND');
    const policy = await fabrikam.data('{ tenantPolicy { maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable } }');
    await fabrikam.data(`mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { maxActivePerUser } }`, {
      input: { ...policy['tenantPolicy'], maxActivePerUser: 5 },
    });
    expect((await contoso.data('{ tenantPolicy { maxActivePerUser } }'))['tenantPolicy'].maxActivePerUser).toBe(40);
    const csv = await (await fetch(`${keyward.baseUrl}/exports/app-passwords.csv`, { headers: { cookie: fabrikam.sessionCookie } })).text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1);
    expect((await verify(keyward.baseUrl, 'dave@contoso.example', contosoSecret.secret)).status).toBe(204);
  });

  it('gives a plain user only their own app passwords and no admin operation', async () => {
    const dave = new ConsoleClient(keyward.baseUrl);
    expect(await dave.signIn('dave@contoso.example', 'dave-console-password')).toBe(200);
    const own = await dave.data(APP_PASSWORDS, {});
    expect(own['appPasswords'].totalCount).toBe(1);
    expect(codeOf(await dave.graphql('{ users { totalCount } }'))).toBe('FORBIDDEN');
    expect(codeOf(await dave.graphql(AUDIT_EVENTS, {}))).toBe('FORBIDDEN');
    const createAsUser = await dave.graphql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { userPrincipalName: 'eve@contoso.example', displayName: 'Eve', roles: ['USER'] },
    });
    expect(codeOf(createAsUser)).toBe('FORBIDDEN');
    const mine = await generate(dave, contosoUser.id, 'Phone');
    expect(mine.secret).toBeTruthy();
  });

  it('lets an auditor read everything and change nothing', async () => {
    await createUser(contoso, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    const auditor = new ConsoleClient(keyward.baseUrl);
    await auditor.signIn('audrey@contoso.example', 'audrey-console-password');
    expect((await auditor.data(APP_PASSWORDS, {}))['appPasswords'].totalCount).toBeGreaterThan(0);
    expect((await auditor.data(AUDIT_EVENTS, {}))['auditEvents'].totalCount).toBeGreaterThan(0);
    // Auditors hold no permission to revoke at all: FORBIDDEN, before anything is looked up.
    expect(codeOf(await auditor.graphql(REVOKE, { input: { id: contosoSecret.appPassword.id, reason: 'x' } }))).toBe('FORBIDDEN');
  });

  it('refuses every operation without a session', async () => {
    const anonymous = new ConsoleClient(keyward.baseUrl);
    expect(codeOf(await anonymous.graphql(APP_PASSWORDS, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await anonymous.graphql(REVOKE, { input: { id: contosoSecret.appPassword.id, reason: 'x' } }))).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const attempt = async (upn: string, password: string) => {
      const response = await fetch(`${keyward.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userPrincipalName: upn, password }),
      });
      return { status: response.status, body: await response.text(), cookie: response.headers.get('set-cookie') };
    };
    const unknown = await attempt('nobody@contoso.example', 'whatever-password');
    const wrong = await attempt('admin@contoso.example', 'wrong-password');
    expect(unknown).toEqual(wrong);
    expect(unknown.status).toBe(401);
    expect(unknown.cookie).toBeNull();
  });

  it('given a burst of parallel wrong console passwords for one account, when they arrive together, then only the budget (10) is checked, and the right password right after waits', async () => {
    // given
    await createUser(contoso, 'burst@contoso.example', ['AUDITOR'], { password: 'burst-console-password' });
    const login = (password: string) =>
      fetch(`${keyward.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: 'burst@contoso.example', password }) });
    // when
    const burst = await Promise.all(Array.from({ length: 59 }, (_, i) => login(`wrong-password-${i}`)));
    const right = await login('burst-console-password');
    // then
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(49);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('issues a new HttpOnly SameSite session at every sign-in, and ends it at sign-out', async () => {
    const first = new ConsoleClient(keyward.baseUrl);
    const second = new ConsoleClient(keyward.baseUrl);
    await first.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await second.signIn('admin@contoso.example', ADMIN_PASSWORD);
    expect(first.sessionCookie).not.toEqual(second.sessionCookie);
    expect(Buffer.from(first.sessionCookie.split('=')[1], 'base64url').length).toBeGreaterThanOrEqual(16);
    const response = await fetch(`${keyward.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userPrincipalName: 'admin@contoso.example', password: ADMIN_PASSWORD }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    await fetch(`${keyward.baseUrl}/auth/logout`, { method: 'POST', headers: { cookie: first.sessionCookie } });
    expect(codeOf(await first.graphql(APP_PASSWORDS, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await second.graphql(APP_PASSWORDS, {}))).toBeUndefined();
  });

  it('sends HSTS and Secure session cookies only when its public URL is https (KEYWARD_PUBLIC_URL)', async () => {
    const signIn = (baseUrl: string) =>
      fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userPrincipalName: 'admin@contoso.example', password: ADMIN_PASSWORD }),
      });
    // given this server, on plain HTTP with no public URL
    const plain = await signIn(keyward.baseUrl);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    // given one behind an HTTPS proxy
    const behindTls = new KeywardProcess({ env: { KEYWARD_PUBLIC_URL: 'https://keyward.contoso.example' } });
    await behindTls.start();
    try {
      const answer = await signIn(behindTls.baseUrl);
      expect(answer.headers.get('strict-transport-security')).toMatch(/^max-age=63072000/);
      expect(answer.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      expect((await fetch(`${behindTls.baseUrl}/health`)).headers.get('strict-transport-security')).toMatch(/^max-age=63072000/);
    } finally {
      await behindTls.stop();
      behindTls.removeData();
    }
  }, 60_000);

  it('rejects a disabled user at verification and at console sign-in', async () => {
    const erin = await createUser(contoso, 'erin@contoso.example', ['USER'], { password: 'erin-console-password' });
    const generated = await generate(contoso, erin.id);
    await contoso.data(`mutation($id: ID!) { disableUser(id: $id) { isEnabled } }`, { id: erin.id });
    expect((await verify(keyward.baseUrl, 'erin@contoso.example', generated.secret)).status).toBe(401);
    expect(await new ConsoleClient(keyward.baseUrl).signIn('erin@contoso.example', 'erin-console-password')).toBe(401);
  });

  it('given a signed-in user who is disabled, when they are enabled again, then their old console session stays ended: they sign in anew', async () => {
    // given
    const fay = await createUser(contoso, 'fay@contoso.example', ['AUDITOR'], { password: 'fay-console-password' });
    const session = new ConsoleClient(keyward.baseUrl);
    await session.signIn('fay@contoso.example', 'fay-console-password');
    expect(codeOf(await session.graphql('{ me { id } }'))).toBeUndefined();
    // when
    await contoso.data(`mutation($id: ID!) { disableUser(id: $id) { isEnabled } }`, { id: fay.id });
    await contoso.data(`mutation($id: ID!) { enableUser(id: $id) { isEnabled } }`, { id: fay.id });
    // then
    expect(codeOf(await session.graphql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(await new ConsoleClient(keyward.baseUrl).signIn('fay@contoso.example', 'fay-console-password')).toBe(200);
  });

  it('given a browser with a session, when it signs in again, then the session it held is ended: one cookie, one session', async () => {
    const login = (cookie?: string) =>
      fetch(`${keyward.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ userPrincipalName: 'dave@contoso.example', password: 'dave-console-password' }),
      }).then((response) => (response.headers.get('set-cookie') ?? '').split(';')[0]);
    const me = (cookie: string) =>
      fetch(`${keyward.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ me { id } }' }) }).then((r) => r.json());
    // given
    const first = await login();
    // when
    const second = await login(first);
    // then
    expect(second).not.toEqual(first);
    expect((await me(first)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(second)).data?.me?.id).toBe(contosoUser.id);
  });
});
