import { generate as totpCode } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, ConsoleClient, createUser, expectVisible, KeywardProcess, launchChromium, seriousAccessibilityViolations, shownSecret, signInInBrowser, verify } from '@keyward/e2e/support';

const STEP_UP_SECONDS = 10;
const codeFor = (secret: string, offsetSeconds = 0) => totpCode({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function signInWithPassword(page: Page, baseUrl: string, user: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('User principal name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// The console's second factors in Debian's Chromium against a real Keyward: an authenticator app
// enrolled on the Security page and asked for at sign-in, a step-up that keeps the form it
// interrupted, and a passkey made and used with Chromium's virtual authenticator (DevTools' WebAuthn domain).
describe('second factors in the console', () => {
  const keyward = new KeywardProcess({
    env: { KEYWARD_STEP_UP_SECONDS: String(STEP_UP_SECONDS), KEYWARD_MAIL_IMAP: 'imap.contoso.example:993', KEYWARD_MAIL_SUBMISSION: 'smtp.contoso.example:587' },
  });
  let browser: Browser;

  beforeAll(async () => {
    await keyward.start();
    browser = await launchChromium();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createUser(admin, 'tess@contoso.example', ['USER'], { password: 'tess-console-password' });
    await createUser(admin, 'pia@contoso.example', ['USER'], { password: 'pia-console-password' });
  });
  afterAll(async () => {
    await browser?.close();
    await keyward.stop();
    keyward.removeData();
  });

  it('given a user, when they set up an authenticator app, then sign-in asks for its code, and a stale session confirms in place without losing the form', async () => {
    // given
    const { context, page } = await signInInBrowser(browser, keyward.baseUrl, 'tess@contoso.example', 'tess-console-password');
    // when: enrolling on the Security page
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    const recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    await expectVisible(page.getByRole('img', { name: 'QR code for your authenticator app' }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Enter the 6-digit code').fill(await codeFor(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    // then
    await expectVisible(page.getByText('Registered. 10 of 10 recovery codes left.'));
    await expectVisible(page.getByTestId('mfa-sources').getByText(/an authenticator app is registered here/));
    // when signing in again: the password alone is not enough
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWithPassword(page, keyward.baseUrl, 'tess@contoso.example', 'tess-console-password');
    await expectVisible(page.getByText('Enter the code from your authenticator app or a recovery code, or use your passkey.'));
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByText('That code or passkey was wrong, or was used already.'));
    await page.getByLabel('Code from your authenticator app').fill(await codeFor(secret, 30));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    // when the sign-in is older than the step-up window and she generates an app password
    await page.waitForTimeout((STEP_UP_SECONDS + 1) * 1000);
    await page.goto(`${keyward.baseUrl}/me/app-passwords`);
    await page.getByRole('button', { name: 'Generate app password' }).click();
    const generate = page.getByRole('dialog', { name: 'Generate an app password' });
    await generate.getByLabel('Label').fill('Thunderbird on laptop');
    await generate.getByRole('button', { name: 'Generate' }).click();
    // then she confirms in place, and the generation she asked for goes on
    const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
    await expectVisible(stepUp);
    await stepUp.getByLabel('Password').fill('not her password');
    await stepUp.getByLabel('Code from your authenticator app').fill(recoveryCodes[0]);
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
    await expectVisible(stepUp.getByText('The password is wrong.'));
    await stepUp.getByLabel('Password').fill('tess-console-password');
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new app password' });
    expect(await shownSecret(shown)).toMatch(/^kw/i);
    // and the dialog says how to set up each app, with the tenant's servers, and offers the Apple profile once
    await shown.getByText('Thunderbird', { exact: true }).click();
    await expectVisible(shown.getByText('Incoming: IMAP, server imap.contoso.example, port 993, connection security SSL/TLS, authentication Normal password, user name tess@contoso.example.'));
    await shown.getByText('Scanner or printer (scan to email)').click();
    await expectVisible(shown.getByText('SMTP server smtp.contoso.example, port 587, STARTTLS (sometimes called TLS).'));
    const profile = (await shown.getByTestId('apple-profile').getAttribute('href')) ?? '';
    expect((await fetch(profile)).status).toBe(200);
    expect((await fetch(profile)).status).toBe(404);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it("given tess's authenticator app, when an admin resets it on her page with a reason, then it is gone; and the admin enters the tenant's mail servers on the policy page", async () => {
    // given the admin, just signed in (the policy save comes first: it needs a recent sign-in)
    const { context, page } = await signInInBrowser(browser, keyward.baseUrl, 'admin@contoso.example', ADMIN_PASSWORD);
    await expectVisible(page.getByText(/Your role needs a second factor for the console\. Register one by/));
    // the mail servers
    await page.goto(`${keyward.baseUrl}/policy`);
    const servers = page.getByRole('form', { name: 'Mail servers' });
    await expectVisible(servers.getByText(/Keyward's defaults/));
    await servers.getByRole('group', { name: 'POP3 (receiving)' }).getByLabel('Host').fill('pop.contoso.example');
    await servers.getByRole('button', { name: 'Save mail servers' }).click();
    await expectVisible(servers.getByText('Entered for this tenant.', { exact: false }));
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    expect((await admin.data('{ mailServers { pop { host port security } } }')).mailServers.pop).toEqual({ host: 'pop.contoso.example', port: 995, security: 'SSL' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // when the admin resets tess's factors
    const tessId = (await admin.data('{ users(filter: { search: "tess" }) { edges { node { id } } } }')).users.edges[0].node.id;
    await page.goto(`${keyward.baseUrl}/users/${tessId}`);
    await expectVisible(page.getByText(/^authenticator app \(\d+ recovery codes left\)$/));
    await page.getByRole('form', { name: 'Reset second factors' }).getByLabel('Reason').fill('Lost phone, ticket 4711');
    await page.getByRole('button', { name: 'Reset second factors' }).click();
    // then
    await expectVisible(page.getByText('none (not required for their roles)'));
    await context.close();
  }, 60_000);

  it('given tess sending her own password where the app password goes, then "Why did my client fail?" says so, and the help explains every reason', async () => {
    // given
    expect((await verify(keyward.baseUrl, 'tess@contoso.example', 'tess-console-password', { 'x-keyward-protocol': 'imap' })).status).toBe(401);
    // when
    const { context, page } = await signInInBrowser(browser, keyward.baseUrl, 'tess@contoso.example', 'tess-console-password');
    await page.goto(`${keyward.baseUrl}/me/app-passwords`);
    // then
    const why = page.getByRole('region', { name: 'Why did my client fail?' });
    await expectVisible(why.getByText(/The app sent your own password, not an app password/));
    const help = page.getByTestId('reason-help');
    for (const reason of ['TYPO', 'WRONG_SECRET', 'REVOKED', 'EXPIRED', 'SCOPE_NOT_ALLOWED', 'MALFORMED_PASSWORD', 'PRIMARY_PASSWORD_USED']) {
      await expectVisible(help.getByText(reason, { exact: true }));
    }
    await context.close();
  });

  describe('with a passkey', () => {
    let context: BrowserContext;
    let page: Page;
    // WebAuthn needs a secure context whose host is a domain: localhost, not 127.0.0.1.
    const origin = () => keyward.baseUrl.replace('127.0.0.1', 'localhost');

    beforeAll(async () => {
      context = await browser.newContext();
      page = await context.newPage();
      const devtools = await context.newCDPSession(page);
      await devtools.send('WebAuthn.enable');
      await devtools.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
    });
    afterAll(() => context?.close());

    it('given a user, when they add a passkey with the virtual authenticator, then it is listed and their sign-in asks for it', async () => {
      // given
      await signInWithPassword(page, origin(), 'pia@contoso.example', 'pia-console-password');
      await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
      // when
      await page.getByRole('link', { name: 'Security' }).click();
      await page.getByRole('form', { name: 'Add a passkey' }).getByLabel('Name').fill('Work laptop');
      await page.getByRole('button', { name: 'Add a passkey' }).click();
      // then
      await expectVisible(page.getByRole('listitem').filter({ hasText: 'Work laptop' }));
      await expectVisible(page.getByTestId('mfa-sources').getByText(/a passkey is registered here/));
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signInWithPassword(page, origin(), 'pia@contoso.example', 'pia-console-password');
      await expectVisible(page.getByRole('button', { name: 'Use a passkey' }));
    });

    /** An assertion of pia's passkey for a fresh sign-in challenge, made in the page and not sent. */
    const assertion = () =>
      page.evaluate(async () => {
        const fromBase64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
        const options = await (await fetch('/auth/passkey/options', { method: 'POST' })).json();
        const credential = (await navigator.credentials.get({ publicKey: { ...options, challenge: fromBase64url(options.challenge) } })) as PublicKeyCredential;
        return (credential as unknown as { toJSON(): { id: string; response: { signature: string } } }).toJSON();
      });
    const login = (user: string, password: string, passkey: unknown) =>
      fetch(`${origin()}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: user, password, passkey }) });

    it("refuses her passkey's assertion for another user, with a bad signature, or a second time", async () => {
      // given quinn, who signs in with an authenticator app
      const admin = new ConsoleClient(keyward.baseUrl);
      await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
      await createUser(admin, 'quinn@contoso.example', ['USER'], { password: 'quinn-console-password' });
      const quinn = new ConsoleClient(keyward.baseUrl);
      await quinn.signIn('quinn@contoso.example', 'quinn-console-password');
      const { beginTotpEnrollment } = await quinn.data('mutation { beginTotpEnrollment { secret } }');
      await quinn.data('mutation($code: String!) { confirmTotpEnrollment(code: $code) { id } }', { code: await codeFor(beginTotpEnrollment.secret) });
      // when / then: pia's assertion for quinn
      const forQuinn = await login('quinn@contoso.example', 'quinn-console-password', await assertion());
      expect(forQuinn.status).toBe(401);
      expect((await forQuinn.json()).error).toBe('second_factor_required');
      // a bad signature
      const tampered = await assertion();
      const signature = Buffer.from(tampered.response.signature, 'base64url');
      signature[signature.length - 1] ^= 0x01;
      tampered.response.signature = signature.toString('base64url');
      expect((await login('pia@contoso.example', 'pia-console-password', tampered)).status).toBe(401);
      // the same assertion twice: the first signs in, the replay does not
      const once = await assertion();
      expect((await login('pia@contoso.example', 'pia-console-password', once)).status).toBe(200);
      expect((await login('pia@contoso.example', 'pia-console-password', once)).status).toBe(401);
    });

    it('when she uses the passkey, then she is in; and again (its signature counter grows)', async () => {
      for (let i = 0; i < 2; i++) {
        if (i > 0) {
          await page.getByRole('button', { name: 'Sign out' }).click();
          await signInWithPassword(page, origin(), 'pia@contoso.example', 'pia-console-password');
        }
        await page.getByRole('button', { name: 'Use a passkey' }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
        await expectVisible(page.getByRole('link', { name: 'Security' }));
      }
    });
  });
});
