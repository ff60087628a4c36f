import {
  ADMIN_PASSWORD,
  APP_PASSWORDS,
  AUDIT_EVENTS,
  ConsoleClient,
  createUser,
  EsdbProtocolFake,
  eventually,
  generate,
  KeywardProcess,
  REVOKE,
  verify,
} from '@keyward/e2e/support';

// The foundation's whole story over real HTTP: an admin signs in, creates a user, generates an
// app password, a gateway signs in with it, the admin revokes it, the next sign-in fails, the
// audit trail tells it all — and all of it survives a restart. Told twice: on the embedded
// store (a real SQLite file), and on the EventStoreDB adapter against the in-process protocol
// FAKE (no EventStoreDB server can run here; passing there is not passing on EventStoreDB).
describeStory('on the embedded SQLite store', async () => ({ keyward: new KeywardProcess(), stopStore: async () => undefined }));
describeStory('on the EventStoreDB adapter, against the protocol FAKE (not a real EventStoreDB)', async () => {
  const fake = await new EsdbProtocolFake().start();
  return { keyward: new KeywardProcess({ env: { KEYWARD_EVENTSTORE_URL: fake.connectionString } }), stopStore: () => fake.stop() };
});

function describeStory(store: string, open: () => Promise<{ keyward: KeywardProcess; stopStore: () => Promise<unknown> }>): void {
  describe(`the app-password lifecycle, end to end, ${store}`, () => {
    let keyward: KeywardProcess;
    let stopStore: () => Promise<unknown>;
    let admin: ConsoleClient;

    beforeAll(async () => {
      ({ keyward, stopStore } = await open());
      await keyward.start();
      admin = new ConsoleClient(keyward.baseUrl);
    });
    afterAll(async () => {
      await keyward.stop();
      keyward.removeData();
      await stopStore();
    });

    it('runs from sign-in to revocation, and keeps everything across a restart', async () => {
      expect(await admin.signIn('admin@contoso.example', ADMIN_PASSWORD)).toBe(200);
      expect(admin.sessionCookie).toMatch(/^keyward_session=/);

      const alice = await createUser(admin, 'alice@contoso.example');
      const generated = await generate(admin, alice.id);
      expect(generated.secret).toMatch(/^kw[a-z2-9]{2}( [a-z2-9]{4}){7}$/);

      const accepted = await verify(keyward.baseUrl, 'alice@contoso.example', generated.secret, {
        'x-keyward-protocol': 'imap',
        'x-forwarded-for': '203.0.113.7',
        'x-keyward-client': 'Thunderbird/128',
      });
      expect(accepted.status).toBe(204);
      expect(accepted.headers.get('x-keyward-user')).toBe('alice@contoso.example');
      expect(accepted.headers.get('x-keyward-credential')).toBe(generated.appPassword.id);

      const typedAsShown = generated.secret.toUpperCase();
      expect((await verify(keyward.baseUrl, 'Alice@Contoso.Example', typedAsShown)).status).toBe(204);

      const revoked = await admin.data(REVOKE, { input: { id: generated.appPassword.id, reason: 'Laptop stolen', incidentRef: 'INC-1' } });
      expect(revoked['revokeAppPassword']).toMatchObject({ status: 'REVOKED', revokeReason: 'Laptop stolen' });

      const rejected = await verify(keyward.baseUrl, 'alice@contoso.example', generated.secret);
      expect(rejected.status).toBe(401);
      expect(rejected.headers.get('www-authenticate')).toBe('Basic realm="keyward"');

      const row = await eventually(async () => {
        const page = await admin.data(APP_PASSWORDS, { filter: { userId: alice.id } });
        const node = page['appPasswords'].edges[0]?.node;
        return node?.status === 'REVOKED' && node.useCount === 2 ? node : undefined;
      });
      expect(row).toMatchObject({ label: 'Thunderbird on laptop', user: { userPrincipalName: 'alice@contoso.example' } });

      const trail = await eventually(async () => {
        const page = await admin.data(AUDIT_EVENTS, { filter: { types: ['AppPasswordGenerated', 'AppPasswordUsed', 'AppPasswordRevoked', 'AppPasswordRejected'] } });
        return page['auditEvents'].totalCount === 5 ? page['auditEvents'] : undefined;
      });
      const types = trail.edges.map((edge: { node: { type: string } }) => edge.node.type);
      expect(types).toEqual(['AppPasswordGenerated', 'AppPasswordUsed', 'AppPasswordUsed', 'AppPasswordRevoked', 'AppPasswordRejected']);
      const used = trail.edges[1].node;
      expect(used.data).toMatchObject({ protocol: 'imap', sourceIp: '203.0.113.7', client: 'Thunderbird/128' });
      expect(used.actor).toBe('gateway:verify');
      expect(trail.edges[4].node.data).toMatchObject({ reason: 'REVOKED' });
      expect(trail.edges[3].node.actor).toMatch(/^user:/);

      await keyward.restart();
      const again = new ConsoleClient(keyward.baseUrl);
      expect(await again.signIn('admin@contoso.example', ADMIN_PASSWORD)).toBe(200);
      const afterRestart = await again.data(APP_PASSWORDS, { filter: { userId: alice.id } });
      expect(afterRestart['appPasswords'].edges[0].node).toMatchObject({ status: 'REVOKED', useCount: 2 });
      expect((await verify(keyward.baseUrl, 'alice@contoso.example', generated.secret)).status).toBe(401);
      const trailAfter = await again.data(AUDIT_EVENTS, {});
      expect(trailAfter['auditEvents'].totalCount).toBeGreaterThanOrEqual(trail.totalCount);
    });

    it('keeps an acknowledged revocation when the process is killed right after it', async () => {
      const client = new ConsoleClient(keyward.baseUrl);
      await client.signIn('admin@contoso.example', ADMIN_PASSWORD);
      const bob = await createUser(client, 'bob@contoso.example');
      const generated = await generate(client, bob.id);
      await client.data(REVOKE, { input: { id: generated.appPassword.id, reason: 'suspected leak' } });
      await keyward.kill();
      await keyward.start();
      expect((await verify(keyward.baseUrl, 'bob@contoso.example', generated.secret)).status).toBe(401);
    });

    it('never returns the secret or its hash again, in any field, event or log line', async () => {
      const client = new ConsoleClient(keyward.baseUrl);
      await client.signIn('admin@contoso.example', ADMIN_PASSWORD);
      const carol = await createUser(client, 'carol@contoso.example');
      const generated = await generate(client, carol.id);
      await verify(keyward.baseUrl, 'carol@contoso.example', generated.secret);
      const compact = generated.secret.replace(/ /g, '');
      const everything = JSON.stringify([
        await client.data(APP_PASSWORDS, { first: 200 }),
        await eventually(async () => {
          const page = await client.data(AUDIT_EVENTS, { first: 200, filter: { streamId: `appPassword-${generated.appPassword.id}` } });
          return page['auditEvents'].totalCount > 0 ? page : undefined;
        }),
      ]);
      for (const text of [everything, keyward.output]) {
        expect(text).not.toContain(compact);
        expect(text).not.toContain(compact.slice(12, 30));
        expect(text).not.toContain('$argon2id$');
        expect(text).not.toContain(ADMIN_PASSWORD);
      }
    });
  });
}
