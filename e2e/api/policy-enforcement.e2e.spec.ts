import { randomUUID } from 'node:crypto';
import { tenantIdForDomain, userIdFor } from '@keyward/identity/domain';
import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, generate, KeywardProcess, verify, writeHistory, type Json } from '@keyward/e2e/support';

const DAY = 86_400_000;
const STATUS = `query($id: ID!) { appPassword(id: $id) { status revokedBy revokeReason } }`;

// The policy's safeguards act: idle app passwords are revoked, and so are a user's app
// passwords when the policy says a password reset revokes them.
describe('policy enforcement', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_IDLE_SWEEP_SECONDS: '1' } });
  let admin: ConsoleClient;

  beforeAll(async () => {
    // A history from before this start: two app passwords generated 100 days ago, one of them
    // used five days ago. The default policy revokes after 90 idle days.
    const tenantId = tenantIdForDomain('contoso.example');
    const userId = userIdFor('olga@contoso.example');
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
    const event = (type: string, data: object, occurredAt: string) => ({
      id: randomUUID(),
      type,
      data,
      metadata: { tenantId, actor: 'system:test' as const, occurredAt, correlationId: 'c', causationId: 'c' },
    });
    const generated = (appPasswordId: string) =>
      event('AppPasswordGenerated', { appPasswordId, userId, tenantId, label: appPasswordId, scopes: ['imap'], expiresAt: at(-265), secretHash: 'x' }, at(100));
    await writeHistory(keyward.dataDir, {
      [`user-${userId}`]: [
        event('UserCreated', { userId, tenantId, userPrincipalName: 'olga@contoso.example', displayName: 'Olga', roles: ['USER'], mfaRegistered: true, passwordHash: null }, at(200)),
      ],
      'appPassword-idxxxxxxxx': [generated('idxxxxxxxx')],
      'appPassword-usedxxxxxx': [generated('usedxxxxxx')],
      'appPasswordUsage-usedxxxxxx': [event('AppPasswordUsed', { appPasswordId: 'usedxxxxxx', userId, protocol: 'imap', sourceIp: '192.0.2.1', client: null }, at(5))],
    });
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('revokes app passwords left unused longer than the policy allows, and only those', async () => {
    const idle = await eventually(async () => {
      const { appPassword } = await admin.data(STATUS, { id: 'idxxxxxxxx' });
      return appPassword.status === 'REVOKED' ? appPassword : undefined;
    });
    expect(idle).toEqual({ status: 'REVOKED', revokedBy: 'system:idle-revocation', revokeReason: 'Unused for 90 days (tenant policy: idle revocation)' });
    expect((await admin.data(STATUS, { id: 'usedxxxxxx' }))['appPassword'].status).toBe('ACTIVE');
  });

  it('revokes a user’s app passwords on a password reset when the policy says so, and ends their sessions', async () => {
    const carol = await createUser(admin, 'carol@contoso.example', ['USER'], { password: 'carol-first-password' });
    const phone = await generate(admin, carol.id, 'Phone');
    const carolSession = new ConsoleClient(keyward.baseUrl);
    expect(await carolSession.signIn('carol@contoso.example', 'carol-first-password')).toBe(200);
    const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }`;

    expect((await carolSession.graphql(RESET, { input: { userId: carol.id, password: 'carol-second-password' } })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await admin.graphql(RESET, { input: { userId: carol.id, password: 'short' } })).errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    await admin.data(RESET, { input: { userId: carol.id, password: 'carol-second-password' } });

    const revoked: Json = await eventually(async () => {
      const { appPassword } = await admin.data(STATUS, { id: phone.appPassword.id });
      return appPassword.status === 'REVOKED' ? appPassword : undefined;
    });
    expect(revoked['revokedBy']).toBe('system:revoke-on-password-reset');
    expect((await verify(keyward.baseUrl, 'carol@contoso.example', phone.secret)).status).toBe(401);
    expect((await carolSession.graphql('{ me { id } }')).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await new ConsoleClient(keyward.baseUrl).signIn('carol@contoso.example', 'carol-first-password')).toBe(401);
    expect(await new ConsoleClient(keyward.baseUrl).signIn('carol@contoso.example', 'carol-second-password')).toBe(200);
  });
});
