import { generate as totpCode } from 'otplib';
import { ADMIN_PASSWORD, AUDIT_EVENTS, ConsoleClient, createUser, GENERATE, KeywardProcess, type Json } from '@keyward/e2e/support';

const BEGIN = `mutation { beginTotpEnrollment { secret otpauthUri qrCodeSvg recoveryCodes } }`;
const CONFIRM = `mutation($code: String!) { confirmTotpEnrollment(code: $code) { id mfaRegistered } }`;
const ME = `query { me { id permissions { permission scope } secondFactors { totp recoveryCodesLeft mfaSources status deadline } } }`;
const USERS = `query { users(first: 5) { totalCount } }`;
const APP_PASSWORDS = `query { appPasswords(first: 5) { totalCount } }`;
const RESET = `mutation($input: ResetSecondFactorsInput!) { resetSecondFactors(input: $input) { id mfaRegistered } }`;
const POLICY = `query { tenantPolicy { maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable } }`;
const CHANGE_POLICY = `mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { mfaGraceDays consoleMfaRoles } }`;
const STEP_UP_SECONDS = 10;

/** The code an authenticator app shows for `secret`, `offsetSeconds` from now (a later time step is a code not used yet). */
const codeFor = (secret: string, offsetSeconds = 0) => totpCode({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
const errorCode = (result: { errors?: { extensions?: Json }[] }) => result.errors?.[0]?.extensions?.['code'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Enrols the client's user in TOTP; their secret and recovery codes. */
async function enrol(client: ConsoleClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { beginTotpEnrollment } = await client.data(BEGIN);
  await client.data(CONFIRM, { code: await codeFor(beginTotpEnrollment.secret) });
  return beginTotpEnrollment;
}

// DESIGN §8 "Console session": TOTP as the console's second factor, the registration grace period,
// step-up before sensitive operations, and an admin's reset, against a real Keyward.
describe('the console second factor and step-up', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_STEP_UP_SECONDS: String(STEP_UP_SECONDS) } });
  const admin = new ConsoleClient('');
  const gina = new ConsoleClient('');
  let adminTotp: { secret: string; recoveryCodes: string[] };
  beforeAll(async () => {
    await keyward.start();
    Object.assign(admin, { baseUrl: keyward.baseUrl });
    Object.assign(gina, { baseUrl: keyward.baseUrl });
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it("given a new store, when its bootstrap admin signs in with the password alone, then they are in, within the 14 days' grace to enrol", async () => {
    const response = await admin.signInResponse('admin@contoso.example', ADMIN_PASSWORD);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.secondFactor.status).toBe('grace');
    const { me } = await admin.data(ME);
    expect(me.secondFactors).toMatchObject({ totp: false, status: 'GRACE', mfaSources: ['ADMIN'] });
    const days = (Date.parse(me.secondFactors.deadline) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });

  it('when the admin enrols an authenticator app, then a wrong first code is refused and the right one registers it, with ten recovery codes shown once', async () => {
    const { beginTotpEnrollment } = await admin.data(BEGIN);
    expect(beginTotpEnrollment.otpauthUri).toContain(`secret=${beginTotpEnrollment.secret}`);
    expect(beginTotpEnrollment.qrCodeSvg).toMatch(/^<svg/);
    expect(beginTotpEnrollment.recoveryCodes).toHaveLength(10);
    expect(errorCode(await admin.graphql(CONFIRM, { code: '12345' }))).toBe('BAD_USER_INPUT');
    const confirmed = await admin.data(CONFIRM, { code: await codeFor(beginTotpEnrollment.secret) });
    expect(confirmed.confirmTotpEnrollment.mfaRegistered).toBe(true);
    adminTotp = beginTotpEnrollment;
    const { me } = await admin.data(ME);
    expect(me.secondFactors).toEqual({ totp: true, recoveryCodesLeft: 10, mfaSources: ['ADMIN', 'TOTP'], status: 'SATISFIED', deadline: null });
  });

  it('then a sign-in without a code and one with a wrong code get the same 401; the right code signs in once', async () => {
    const client = new ConsoleClient(keyward.baseUrl);
    const missing = await client.signInResponse('admin@contoso.example', ADMIN_PASSWORD);
    const wrong = await client.signInResponse('admin@contoso.example', ADMIN_PASSWORD, { otp: '000000' });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    const [missingBody, wrongBody] = [await missing.json(), await wrong.json()];
    expect(missingBody).toEqual(wrongBody);
    expect(missingBody).toMatchObject({ error: 'second_factor_required', secondFactor: { totp: true, passkey: false } });
    expect(missing.headers.get('set-cookie')).toBeNull();
    const code = await codeFor(adminTotp.secret, 30);
    expect(await client.signIn('admin@contoso.example', ADMIN_PASSWORD, { otp: code })).toBe(200);
    expect(await new ConsoleClient(keyward.baseUrl).signIn('admin@contoso.example', ADMIN_PASSWORD, { otp: code })).toBe(401);
  });

  it(`given a session signed in more than ${STEP_UP_SECONDS} s ago, then generating and exporting need a step-up; a wrong password changes nothing, the password and a recovery code step up`, async () => {
    // given
    const client = new ConsoleClient(keyward.baseUrl);
    expect(await client.signIn('admin@contoso.example', ADMIN_PASSWORD, { otp: adminTotp.recoveryCodes[1] })).toBe(200);
    const { me } = await client.data(ME);
    await sleep((STEP_UP_SECONDS + 1) * 1000);
    // then
    const refused = await client.graphql(GENERATE, { input: { userId: me.id, label: 'Thunderbird' } });
    expect(errorCode(refused)).toBe('STEP_UP_REQUIRED');
    const exported = await fetch(`${keyward.baseUrl}/exports/audit-log`, { headers: { cookie: client.sessionCookie } });
    expect(exported.status).toBe(403);
    expect(await exported.json()).toMatchObject({ error: 'step_up_required' });
    expect(errorCode(await client.graphql(USERS))).toBeUndefined();
    // when
    expect((await client.stepUp('not the password', { otp: adminTotp.recoveryCodes[0] })).status).toBe(401);
    expect((await client.stepUp(ADMIN_PASSWORD)).status).toBe(401);
    const stepped = await client.stepUp(ADMIN_PASSWORD, { otp: adminTotp.recoveryCodes[0] });
    // then
    expect(stepped.status).toBe(200);
    expect(await stepped.json()).toEqual({ status: 'stepped-up', validForSeconds: STEP_UP_SECONDS });
    expect((await client.data(GENERATE, { input: { userId: me.id, label: 'Thunderbird' } })).generateAppPassword.secret).toMatch(/^kw/i);
    expect((await fetch(`${keyward.baseUrl}/exports/audit-log`, { headers: { cookie: client.sessionCookie } })).status).toBe(200);
    expect((await client.stepUp(ADMIN_PASSWORD, { otp: adminTotp.recoveryCodes[0] })).status).toBe(401);
    expect((await client.data(ME)).me.secondFactors.recoveryCodesLeft).toBe(8);
  }, 30_000);

  it('given no grace, when a new global admin signs in without a factor, then all they may do is enrol; enrolling lifts it at once', async () => {
    // given (the admin's sign-in is older than the step-up window by now: a policy change asks again)
    expect((await admin.stepUp(ADMIN_PASSWORD, { otp: adminTotp.recoveryCodes[2] })).status).toBe(200);
    const policy = (await admin.data(POLICY)).tenantPolicy;
    await admin.data(CHANGE_POLICY, { input: { ...policy, mfaGraceDays: 0 } });
    await createUser(admin, 'gina@contoso.example', ['GLOBAL_ADMIN'], { password: 'gina-console-password' });
    // when
    const response = await gina.signInResponse('gina@contoso.example', 'gina-console-password');
    // then
    expect(response.status).toBe(200);
    expect((await response.json()).secondFactor.status).toBe('enrolment-required');
    const appPasswords = await gina.graphql(APP_PASSWORDS);
    expect(errorCode(appPasswords)).toBe('FORBIDDEN');
    expect(appPasswords.errors?.[0].message).toMatch(/Register a second factor/);
    expect(errorCode(await gina.graphql(USERS))).toBe('FORBIDDEN');
    const { me } = await gina.data(ME);
    expect(me.permissions).toEqual([
      { permission: 'users.read', scope: 'OWN' },
      { permission: 'account.secure', scope: 'OWN' },
    ]);
    expect(me.secondFactors.status).toBe('ENROLMENT_REQUIRED');
    await enrol(gina);
    expect((await gina.data(USERS)).users.totalCount).toBeGreaterThan(1);
  });

  it("when an admin resets a user's factors with a reason, then the user's sessions end, and the audit trail has the reason and never the secret", async () => {
    // given gina, enrolled and signed in (the test before)
    expect(errorCode(await gina.graphql(ME))).toBeUndefined();
    const ginaId = (await admin.data(`query { users(filter: { search: "gina" }) { edges { node { id } } } }`)).users.edges[0].node.id;
    expect(errorCode(await admin.graphql(RESET, { input: { userId: ginaId, reason: ' ' } }))).toBe('BAD_USER_INPUT');
    const reset = await admin.data(RESET, { input: { userId: ginaId, reason: 'Lost phone, ticket 4711' } });
    // then: still attested by the admin who created her; her session is over; the password alone signs her in to enrol again
    expect(reset.resetSecondFactors.mfaRegistered).toBe(true);
    expect(errorCode(await gina.graphql(ME))).toBe('UNAUTHENTICATED');
    expect(await gina.signIn('gina@contoso.example', 'gina-console-password')).toBe(200);
    expect((await gina.data(ME)).me.secondFactors.status).toBe('ENROLMENT_REQUIRED');
    const { auditEvents } = await admin.data(AUDIT_EVENTS, { filter: { streamId: `user-${ginaId}` }, first: 50 });
    const events = auditEvents.edges.map((edge: Json) => edge.node);
    expect(events.map((event: Json) => event.type)).toEqual(expect.arrayContaining(['TotpEnrolled', 'SecondFactorsReset']));
    expect(events.find((event: Json) => event.type === 'SecondFactorsReset').data).toEqual({ userId: ginaId, reason: 'Lost phone, ticket 4711' });
    const enrolled = events.find((event: Json) => event.type === 'TotpEnrolled').data;
    expect(Object.keys(enrolled).sort()).toEqual(['timeStep', 'userId']);
  });

  it('limits passkey challenges per address: the 31st in a minute answers 429 with Retry-After', async () => {
    const ask = () => fetch(`${keyward.baseUrl}/auth/passkey/options`, { method: 'POST' });
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await ask());
    expect(answers.slice(0, 30).map((answer) => answer.status)).toEqual(Array(30).fill(200));
    expect((await answers[0].json()).challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(answers[30].status).toBe(429);
    expect(Number(answers[30].headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
