import { ADMIN_PASSWORD, APP_PASSWORDS, AUDIT_EVENTS, ConsoleClient, KeywardProcess } from '@keyward/e2e/support';

describe('npm run demo', () => {
  const keyward = new KeywardProcess({ command: 'demo' });

  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('fills the first tenant with users, app passwords and weeks of usage, once', async () => {
    await keyward.start();
    let admin = new ConsoleClient(keyward.baseUrl);
    expect(await admin.signIn('admin@contoso.example', ADMIN_PASSWORD)).toBe(200);
    const counts = async () => ({
      users: (await admin.data('{ users { totalCount } }'))['users'].totalCount,
      appPasswords: (await admin.data(APP_PASSWORDS, {}))['appPasswords'].totalCount,
      events: (await admin.data(AUDIT_EVENTS, {}))['auditEvents'].totalCount,
    });
    // Alerts found in the demo's sign-ins are written in the background after the start: count once they are all in.
    const settledCounts = async () => {
      for (let last = await counts(); ; ) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = await counts();
        if (now.events === last.events) return now;
        last = now;
      }
    };
    const first = await settledCounts();
    expect(first.users).toBe(201);
    expect(first.appPasswords).toBeGreaterThan(400);
    expect(first.events).toBeGreaterThan(10_000);
    const revoked = await admin.data(APP_PASSWORDS, { filter: { status: 'REVOKED' } });
    expect(revoked['appPasswords'].totalCount).toBeGreaterThan(0);

    // Three demo people sign in with the admin's password, one per role below the admin.
    for (const [upn, role] of [['alice.andersen@contoso.example', 'USER'], ['bruno.bakker@contoso.example', 'AUDITOR'], ['chen.costa@contoso.example', 'INCIDENT_RESPONDER']]) {
      const person = new ConsoleClient(keyward.baseUrl);
      expect(await person.signIn(upn, ADMIN_PASSWORD)).toBe(200);
      expect((await person.data('{ me { roles } }'))['me'].roles).toEqual([role]);
    }
    expect(await new ConsoleClient(keyward.baseUrl).signIn('dara.dubois@contoso.example', ADMIN_PASSWORD)).toBe(401);
    // and those are the people the log names
    expect(keyward.output).toContain('Demo: alice.andersen@contoso.example (USER), bruno.bakker@contoso.example (AUDITOR), chen.costa@contoso.example (INCIDENT_RESPONDER) sign in');

    await keyward.restart();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    expect(await settledCounts()).toEqual(first);
  });
});
