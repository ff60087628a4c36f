import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  AUDIT_EVENTS,
  ConsoleClient,
  freePort,
  KeywardProcess,
  launchChromium,
  OidcProviderProcess,
  type Json,
  type OidcProviderSettings,
} from '@keyward/e2e/support';

const CLIENT_SECRET = 'keyward-tests-client-secret-0001';
const ME = '{ me { userPrincipalName roles } }';
const POLICY = '{ tenantPolicy { maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable maxApiTokenDays isPasswordSignInAllowed } }';
const CHANGE_POLICY = 'mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { isPasswordSignInAllowed } }';

/**
 * A real provider that knows Keyward as its client, and a Keyward on a free port that signs in
 * with it (the provider needs the redirect URI before Keyward starts).
 */
async function withProvider(
  settings: Omit<OidcProviderSettings, 'clientId' | 'clientSecret' | 'redirectUris'>,
  options: { domains?: string; env?: Record<string, string> },
): Promise<{ provider: OidcProviderProcess; keyward: KeywardProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await new OidcProviderProcess({ clientId: 'keyward', clientSecret: CLIENT_SECRET, redirectUris: [`${base}/auth/oidc/callback`], ...settings }).start();
  const keyward = new KeywardProcess({
    port,
    ...(options.domains ? { domains: options.domains } : {}),
    env: {
      KEYWARD_OIDC_ISSUER: provider.issuer,
      KEYWARD_OIDC_CLIENT_ID: 'keyward',
      KEYWARD_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      KEYWARD_OIDC_ROLES: 'GLOBAL_ADMIN=Keyward.Admin',
      ...options.env,
    },
  });
  await keyward.start();
  return { provider, keyward, base };
}

async function stopBoth(keyward: KeywardProcess | undefined, provider: OidcProviderProcess | undefined): Promise<void> {
  await keyward?.stop();
  keyward?.removeData();
  await provider?.stop();
}

// Console single sign-on with OpenID Connect: Debian's Chromium signs in through a real local
// provider (oidc-provider) and Keyward's authorization code flow with PKCE; the refusals are
// driven with the very answer the provider sent, altered.
describe('single sign-on with OpenID Connect (Chromium, oidc-provider)', () => {
  let provider: OidcProviderProcess;
  let keyward: KeywardProcess;
  let browser: Browser;
  let base: string;
  const admin = new ConsoleClient('');

  beforeAll(async () => {
    ({ provider, keyward, base } = await withProvider(
      {
        roles: { 'sso.admin@contoso.example': ['Keyward.Admin'], 'rita@contoso.example': ['INCIDENT_RESPONDER'], 'admin@contoso.example': ['Keyward.Admin'] },
        names: { 'sso.admin@contoso.example': 'Sam Single' },
        amr: { 'mia@contoso.example': ['pwd', 'mfa'] },
      },
      { domains: 'contoso.example,fabrikam.example' },
    ));
    (admin as { baseUrl: string }).baseUrl = base;
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stopBoth(keyward, provider);
  });

  /** Clicks "Sign in with single sign-on" and gets through the provider's sign-in and consent pages. */
  async function throughProvider(page: Page, login: string, atProvider: () => Promise<void> = async () => undefined): Promise<void> {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await atProvider();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password: the provider is for tests');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The consent page, the first time this browser signs in.
    await page.getByRole('button', { name: 'Continue' }).click({ timeout: 10_000 });
  }

  /** A console session cookie's client: what the signed-in browser may do. */
  async function clientOf(context: BrowserContext): Promise<ConsoleClient> {
    const session = (await context.cookies(base)).find((cookie) => cookie.name === 'keyward_session');
    if (!session) throw new Error('no session cookie');
    const client = new ConsoleClient(base);
    (client as unknown as { cookie: string }).cookie = `keyward_session=${session.value}`;
    return client;
  }

  async function signInWithSso(login: string): Promise<{ context: BrowserContext; page: Page; client: ConsoleClient }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await throughProvider(page, login);
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/sign-in'));
    return { context, page, client: await clientOf(context) };
  }

  it('given no such user and no directory, when someone signs in with single sign-on, then their user is created with the roles the ID token grants', async () => {
    // when
    const { context, page, client } = await signInWithSso('sso.admin@contoso.example');
    // then
    await page.getByText('sso.admin@contoso.example').first().waitFor();
    const me = (await client.data(ME))['me'];
    expect(me.userPrincipalName).toBe('sso.admin@contoso.example');
    expect([...me.roles].sort()).toEqual(['GLOBAL_ADMIN', 'USER']);
    const created = (await admin.data(AUDIT_EVENTS, { filter: { types: ['UserCreated'] }, first: 200 }))['auditEvents'].edges
      .map((edge: Json) => edge.node)
      .find((event: Json) => JSON.stringify(event.data).includes('sso.admin@contoso.example'));
    expect(created.actor).toBe('system:oidc-sign-in');
    await context.close();
  });

  it('given an ID token whose amr says mfa, then the user counts as having MFA, with the identity provider as the source; one without it does not', async () => {
    const FACTORS = '{ me { mfaRegistered secondFactors { mfaSources } } }';
    const mia = await signInWithSso('mia@contoso.example');
    expect((await mia.client.data(FACTORS))['me']).toEqual({ mfaRegistered: true, secondFactors: { mfaSources: ['IDENTITY_PROVIDER'] } });
    await mia.context.close();
    const noel = await signInWithSso('noel@contoso.example');
    expect((await noel.client.data(FACTORS))['me']).toEqual({ mfaRegistered: false, secondFactors: { mfaSources: [] } });
    await noel.context.close();
  });

  it("sets an existing user's roles from the roles claim at each sign-in", async () => {
    const { context, client } = await signInWithSso('rita@contoso.example');
    expect([...(await client.data(ME))['me'].roles].sort()).toEqual(['INCIDENT_RESPONDER', 'USER']);
    await context.close();
  });

  it("refuses the provider's answer with another state, another issuer or no flow cookie, and a code used twice, with RFC 6749's error, and opens no session", async () => {
    // given: the provider's answer to a browser that signed in with it
    const context = await browser.newContext();
    const page = await context.newPage();
    let answer = '';
    let flowCookie = '';
    page.on('request', (request) => {
      if (request.url().startsWith(`${base}/auth/oidc/callback`)) answer = request.url();
    });
    await throughProvider(page, 'rita@contoso.example', async () => {
      const flow = (await context.cookies(`${base}/auth/oidc/callback`)).find((cookie) => cookie.name === 'keyward_sso_flow');
      flowCookie = flow ? `keyward_sso_flow=${flow.value}` : '';
    });
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/sign-in'));
    expect(answer).toContain('code=');
    expect(flowCookie).not.toBe('');
    await context.close();
    const callback = async (url: string, cookie: string | null = flowCookie) => {
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      const location = new URL(response.headers.get('location') ?? '', base);
      return { status: response.status, location, session: /keyward_session=[^;]/.test(response.headers.get('set-cookie') ?? '') };
    };
    const altered = (name: string, value: string) => {
      const url = new URL(answer);
      url.searchParams.set(name, value);
      return url.href;
    };
    // when / then
    for (const [url, cookie, error] of [
      [altered('state', 'not-the-state'), undefined, 'invalid_request'],
      [answer, null, 'invalid_request'],
      [answer, 'keyward_sso_flow=forged.signature', 'invalid_request'],
      [altered('iss', 'http://127.0.0.1:1/another-issuer'), undefined, 'invalid_grant'],
      [answer, undefined, 'invalid_grant'],
    ] as const) {
      const refused = await callback(url, cookie);
      expect([refused.status, refused.location.pathname, refused.location.searchParams.get('error'), refused.session]).toEqual([303, '/sign-in', error, false]);
    }
    // the provider's own refusal is passed on
    const denied = await callback(`${base}/auth/oidc/callback?error=access_denied&state=x`);
    expect(denied.location.searchParams.get('error')).toBe('access_denied');
  });

  it("refuses an answer from another issuer, even one that carries this browser's state and PKCE challenge", async () => {
    // given: a second provider that knows Keyward's client too, and Keyward's authorization request sent to it instead
    const other = await new OidcProviderProcess({ clientId: 'keyward', clientSecret: CLIENT_SECRET, redirectUris: [`${base}/auth/oidc/callback`] }).start();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      let authorization = '';
      let answer = '';
      page.on('request', (request) => {
        if (request.url().startsWith(`${provider.issuer}/auth?`)) authorization = request.url();
        if (request.url().startsWith(`${base}/auth/oidc/callback`)) answer = request.url();
      });
      await page.goto(`${base}/sign-in`);
      await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      const flow = (await context.cookies(`${base}/auth/oidc/callback`)).find((cookie) => cookie.name === 'keyward_sso_flow');
      // when: the other provider signs the browser in and answers
      await page.goto(authorization.replace(provider.issuer, other.issuer));
      await page.locator('input[name="login"]').fill('admin@contoso.example');
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((url) => url.origin === base && url.pathname === '/sign-in');
      // then: its issuer is not Keyward's
      expect(new URL(page.url()).searchParams.get('error')).toBe('invalid_grant');
      expect(answer).toContain(`iss=${encodeURIComponent(other.issuer)}`);
      expect((await context.cookies(base)).some((cookie) => cookie.name === 'keyward_session')).toBe(false);
      // and without its iss, its code is none of Keyward's provider's
      const stripped = new URL(answer);
      stripped.searchParams.delete('iss');
      const response = await fetch(stripped, { redirect: 'manual', headers: { cookie: `keyward_sso_flow=${flow?.value}` } });
      expect(new URL(response.headers.get('location') ?? '', base).searchParams.get('error')).toBe('invalid_grant');
      expect(response.headers.get('set-cookie') ?? '').not.toMatch(/keyward_session=[^;]/);
      await context.close();
    } finally {
      await other.stop();
    }
  });

  it('shows the refusal on the sign-in page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/sign-in?error=access_denied&error_description=${encodeURIComponent('someone@nowhere.example is not provisioned in Keyward.')}`);
    await page.getByRole('alert').getByText('someone@nowhere.example is not provisioned').waitFor();
    await page.context().close();
  });

  it('turns password sign-in off only from a single sign-on session; then a password, even the right one, is refused with a pointer to single sign-on', async () => {
    const policy = (await admin.data(POLICY))['tenantPolicy'];
    expect(policy.isPasswordSignInAllowed).toBe(true);
    // from a password session: refused
    const fromPassword = await admin.graphql(CHANGE_POLICY, { input: { ...policy, isPasswordSignInAllowed: false } });
    expect(fromPassword.errors?.[0]?.extensions?.['code']).toBe('POLICY_VIOLATION');
    // from a single sign-on session
    const { context, page, client } = await signInWithSso('sso.admin@contoso.example');
    expect((await client.data(CHANGE_POLICY, { input: { ...policy, isPasswordSignInAllowed: false } }))['changeTenantPolicy'].isPasswordSignInAllowed).toBe(false);
    // then
    const refused = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: 'admin@contoso.example', password: ADMIN_PASSWORD }) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Json)['message']).toMatch(/single sign-on/);
    const wrong = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: 'admin@contoso.example', password: 'not the password' }) });
    expect(wrong.status).toBe(401);
    // the other tenant still signs in with passwords
    expect(await new ConsoleClient(base).signIn('admin@fabrikam.example', ADMIN_PASSWORD)).toBe(200);
    // in the browser, the sign-in page says so
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${base}/sign-in`);
    await other.getByLabel('User principal name').fill('admin@contoso.example');
    await other.getByLabel('Password').fill(ADMIN_PASSWORD);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await other.getByRole('alert').getByText(/signs in to Keyward with single sign-on/).waitFor();
    await other.context().close();
    // and back on
    await client.data(CHANGE_POLICY, { input: { ...policy, isPasswordSignInAllowed: true } });
    expect(await new ConsoleClient(base).signIn('admin@contoso.example', ADMIN_PASSWORD)).toBe(200);
    await page.close();
    await context.close();
  });

  it('creates no user in a tenant a directory provisions (SCIM), and signs in the users it provisioned', async () => {
    // given: fabrikam provisions over SCIM
    const fabrikam = new ConsoleClient(base);
    await fabrikam.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const { token } = (await fabrikam.data('mutation { createApiToken(input: { name: "Entra", role: GLOBAL_ADMIN }) { token } }'))['createApiToken'];
    const provisioned = await fetch(`${base}/scim/v2/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'provisioned@fabrikam.example', externalId: 'p-1' }),
    });
    expect(provisioned.status).toBe(201);
    // when: someone the directory did not provision
    const context = await browser.newContext();
    const page = await context.newPage();
    await throughProvider(page, 'stranger@fabrikam.example');
    await page.waitForURL((url) => url.origin === base && url.pathname === '/sign-in');
    // then
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    await page.getByRole('alert').getByText(/not provisioned in Keyward/).waitFor();
    await context.close();
    // and the provisioned user signs in
    const { context: theirs, client } = await signInWithSso('provisioned@fabrikam.example');
    expect((await client.data(ME))['me'].userPrincipalName).toBe('provisioned@fabrikam.example');
    await theirs.close();
    // until the directory deletes them: single sign-on does not bring them back
    const id = ((await provisioned.json()) as Json)['id'];
    expect((await fetch(`${base}/scim/v2/Users/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    const again = await (await browser.newContext()).newPage();
    await throughProvider(again, 'provisioned@fabrikam.example');
    await again.waitForURL((url) => url.origin === base && url.pathname === '/sign-in');
    expect(new URL(again.url()).searchParams.get('error')).toBe('access_denied');
    await again.getByRole('alert').getByText(/removed by your directory/).waitFor();
    await again.context().close();
  });
});

// A session single sign-on opened has no console password to confirm: its step-up signs in again
// at the provider (prompt=login, max_age=0) in a window of its own, and the page underneath goes on.
describe('step-up of a single sign-on session (Chromium, oidc-provider)', () => {
  const STEP_UP_SECONDS = 10;
  let provider: OidcProviderProcess;
  let keyward: KeywardProcess;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ provider, keyward, base } = await withProvider(
      { roles: { 'sso.admin@contoso.example': ['Keyward.Admin'] } },
      { env: { KEYWARD_STEP_UP_SECONDS: String(STEP_UP_SECONDS) } },
    ));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stopBoth(keyward, provider);
  });

  /** The provider's sign-in page (and its consent page, the first time). */
  async function signInAtProvider(page: Page): Promise<void> {
    await page.locator('input[name="login"]').fill('sso.admin@contoso.example');
    await page.locator('input[name="password"]').fill('any password: the provider is for tests');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click({ timeout: 3_000 }).catch(() => undefined);
  }

  it('given a single sign-on session older than the step-up window, when the admin saves the policy, then they confirm at the provider in a window of their own and the save goes on', async () => {
    // given
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await signInAtProvider(page);
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/sign-in'));
    await page.goto(`${base}/policy`);
    const form = page.getByRole('form', { name: 'Tenant policy' });
    await form.getByLabel('Most active app passwords per user').fill('12');
    await page.waitForTimeout((STEP_UP_SECONDS + 1) * 1000);
    // when
    await form.getByRole('button', { name: 'Save policy' }).click();
    const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
    await stepUp.waitFor();
    const opened = context.waitForEvent('page');
    await stepUp.getByRole('button', { name: 'Confirm with single sign-on' }).click();
    const popup = await opened;
    await popup.waitForURL((url) => url.origin === provider.issuer);
    expect(new URL(popup.url()).pathname).not.toBe('/auth');
    await signInAtProvider(popup);
    // then the policy is saved with the form's value, and the window is gone
    await form.getByText('Saved. The new policy applies from now on.').waitFor();
    const session = (await context.cookies(base)).find((cookie) => cookie.name === 'keyward_session');
    const client = new ConsoleClient(base);
    Object.assign(client, { cookie: `keyward_session=${session?.value}` });
    expect((await client.data('{ tenantPolicy { maxActivePerUser } }'))['tenantPolicy'].maxActivePerUser).toBe(12);
    for (let i = 0; i < 50 && !popup.isClosed(); i++) await page.waitForTimeout(100);
    expect(popup.isClosed()).toBe(true);
    await context.close();
  }, 60_000);
});
