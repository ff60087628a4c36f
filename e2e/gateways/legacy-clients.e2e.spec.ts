import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AUDIT_EVENTS, eventually, REVOKE } from '@keyward/e2e/support';
import { GatewayFixture } from './gateway-fixture';

// Real clients (curl; Python's imaplib, poplib, smtplib) through real gateways (nginx with
// auth_request, Dovecot with the Lua passdb), configured from docs/gateways/ as documented,
// over TLS (implicit: 993, 995, 465 and HTTPS) with the certificate verified.
describe('legacy clients through nginx and Dovecot', () => {
  const gateways = new GatewayFixture();

  beforeAll(() => gateways.start(), 60_000);
  afterAll(() => gateways.stop());

  it('signs in with a fresh app password over IMAP, POP3, submission and HTTP', async () => {
    const { secret } = await gateways.userWithPassword('ana@contoso.example');
    expect(await gateways.mailLogin('imap', 'ana@contoso.example', secret)).toBe('ok');
    expect(await gateways.mailLogin('pop', 'ana@contoso.example', secret)).toBe('ok');
    expect(await gateways.mailLogin('smtp', 'ana@contoso.example', secret)).toBe('ok');
    const imap = await gateways.curlMail('imap', 'ana@contoso.example', secret);
    expect(imap.code).toBe(0);
    expect(imap.stdout).toContain('INBOX');
    expect((await gateways.curlMail('pop3', 'ana@contoso.example', secret)).code).toBe(0);
    // curl exits 67 when the login is refused (mail-flow.e2e.spec.ts follows the message).
    expect((await gateways.curlSubmission('ana@contoso.example', secret, 'ana@contoso.example')).code).toBe(0);
    expect((await gateways.curlSubmission('ana@contoso.example', 'kw-wrong', 'ana@contoso.example')).code).toBe(67);
    const http = await gateways.curlHttp('ana@contoso.example', secret);
    expect(http.status).toBe(200);
    expect(http.body).toBe('legacy service: hello ana@contoso.example\n');
  });

  it('accepts the password typed with spaces and in upper case, and refuses a typo', async () => {
    const { secret } = await gateways.userWithPassword('ben@contoso.example');
    expect(await gateways.mailLogin('imap', 'BEN@contoso.example', secret.toUpperCase())).toBe('ok');
    expect((await gateways.curlHttp('ben@contoso.example', secret.toUpperCase())).status).toBe(200);
    const typo = secret.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    expect(await gateways.mailLogin('imap', 'ben@contoso.example', typo)).toMatch(/^refused/);
    const refused = await gateways.curlHttp('ben@contoso.example', typo);
    expect(refused.status).toBe(401);
    expect(refused.headers).toMatch(/WWW-Authenticate: Basic realm="keyward"/i);
  });

  it('carries names and passwords with quotes, backslashes, spaces and non-ASCII safely', async () => {
    for (const password of ['pa"ss\\word', "it's a pass", 'pässwörd ✓', '{"json":"inject"}']) {
      const imap = await gateways.curlMail('imap', 'ana@contoso.example', password);
      expect(imap.code).toBe(67); // login denied, not an error of the gateway
    }
    expect((await gateways.curlMail('imap', 'a"na\\@contoso.example', 'x')).code).toBe(67);
    const failures = await eventually(async () => {
      const page = await gateways.admin.data(AUDIT_EVENTS, { filter: { types: ['SignInFailed'] }, first: 200 });
      return page['auditEvents'].totalCount >= 4 ? page['auditEvents'].edges : undefined;
    });
    expect(failures.map((e: { node: { data: { reason: string } } }) => e.node.data.reason)).toContain('MALFORMED_PASSWORD');
    expect(gateways.dovecot.log()).not.toMatch(/Internal failure|Lua.*error/i);
  });

  it('records the protocol and the client address in the usage history', async () => {
    const { secret, appPasswordId } = await gateways.userWithPassword('cai@contoso.example');
    await gateways.mailLogin('imap', 'cai@contoso.example', secret, '127.0.0.21');
    await gateways.mailLogin('pop', 'cai@contoso.example', secret, '127.0.0.22');
    await gateways.mailLogin('smtp', 'cai@contoso.example', secret, '127.0.0.23');
    await gateways.curlHttp('cai@contoso.example', secret, '127.0.0.9');
    const uses = await eventually(async () => {
      const page = await gateways.admin.data(AUDIT_EVENTS, { filter: { types: ['AppPasswordUsed'], streamId: `appPasswordUsage-${appPasswordId}` } });
      return page['auditEvents'].totalCount === 4 ? page['auditEvents'].edges.map((e: { node: unknown }) => e.node) : undefined;
    });
    expect(uses.map((u: { data: { protocol: string } }) => u.data.protocol)).toEqual(['imap', 'pop', 'smtp', 'http']);
    expect(uses.map((u: { actor: string }) => u.actor)).toEqual(['gateway:dovecot', 'gateway:dovecot', 'gateway:dovecot', 'gateway:nginx']);
    expect(uses.map((u: { data: { sourceIp: string } }) => u.data.sourceIp)).toEqual(['127.0.0.21', '127.0.0.22', '127.0.0.23', '127.0.0.9']);
    expect(uses[3].data.client).toMatch(/^curl\//);
  });

  it('records a gateway by name only when it proves it with its token, whatever a request says it is', async () => {
    // given
    const { secret, appPasswordId } = await gateways.userWithPassword('ida@contoso.example');
    const direct = (headers: Record<string, string>) =>
      fetch(`${gateways.keyward.baseUrl}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ userPrincipalName: 'ida@contoso.example', password: secret, protocol: 'imap' }),
      });
    // when: a caller claims to be nginx, with no token and with a wrong one; then Dovecot with its own
    expect((await direct({ 'x-keyward-gateway': 'nginx' })).status).toBe(204);
    expect((await direct({ 'x-keyward-gateway': 'nginx', 'x-keyward-gateway-token': gateways.gatewayTokens.nginx.replace(/.$/, 'x') })).status).toBe(204);
    expect((await direct({ 'x-keyward-gateway-token': gateways.gatewayTokens.dovecot })).status).toBe(204);
    // then
    const uses = await eventually(async () => {
      const page = await gateways.admin.data(AUDIT_EVENTS, { filter: { types: ['AppPasswordUsed'], streamId: `appPasswordUsage-${appPasswordId}` } });
      return page['auditEvents'].totalCount === 3 ? page['auditEvents'].edges.map((e: { node: { actor: string } }) => e.node.actor) : undefined;
    });
    expect(uses).toEqual(['gateway:verify', 'gateway:verify', 'gateway:dovecot']);
  });

  it('refuses the next sign-in after a revocation and ends the open IMAP session', async () => {
    const { secret, appPasswordId } = await gateways.userWithPassword('dee@contoso.example');
    const [command, args] = gateways.imapSessionCommand('dee@contoso.example', secret);
    const client = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const lines = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
      const nextLine = () =>
        Promise.race([
          lines.next().then((line) => line.value as string),
          new Promise<string>((resolve) => setTimeout(() => resolve('(no answer in 15 s)'), 15_000)),
        ]);
      expect(await nextLine()).toBe('ready');
      client.stdin.write('noop\n');
      expect(await nextLine()).toBe('alive');

      await gateways.admin.data(REVOKE, { input: { id: appPasswordId, reason: 'Phone stolen' } });
      expect(await gateways.mailLogin('imap', 'dee@contoso.example', secret)).toMatch(/^refused/);
      expect((await gateways.curlHttp('dee@contoso.example', secret)).status).toBe(401);

      // doveadm kick ends the session; Dovecot 2.3 logs it as a shutdown of that session.
      await eventually(async () => (/imap\(dee@contoso\.example\).*Disconnected: Server shutting down/.test(gateways.dovecot.log()) ? true : undefined), 10_000);
      expect(gateways.keyward.output).toMatch(/"msg":"ended mail sessions after a revocation","appPasswordId":"\w+","outcome":"kicked"/);
      client.stdin.write('noop\n');
      expect(await nextLine()).toMatch(/^ended/);
    } finally {
      client.kill();
    }
  });

  it('ends the open IMAP sessions of every owner a revocation case reaches', async () => {
    const owners = [await gateways.userWithPassword('gil@contoso.example'), await gateways.userWithPassword('hal@contoso.example')];
    const sessions = owners.map((owner, index) => openImapSession(gateways.imapSessionCommand(['gil', 'hal'][index] + '@contoso.example', owner.secret)));
    try {
      for (const session of sessions) expect(await session.nextLine()).toBe('ready');
      const started = await gateways.admin.data(`mutation($input: BulkRevokeInput!) { revokeAppPasswords(input: $input) { id } }`, {
        input: { filter: { ids: owners.map((owner) => owner.appPasswordId) }, reason: 'Phones stolen', incidentRef: 'INC-12', expectedMatched: 2 },
      });
      expect(started['revokeAppPasswords'].id).toBeTruthy();
      for (const user of ['gil', 'hal']) {
        await eventually(async () => (new RegExp(`imap\\(${user}@contoso\\.example\\).*Disconnected: Server shutting down`).test(gateways.dovecot.log()) ? true : undefined), 15_000);
      }
      for (const session of sessions) {
        session.write('noop\n');
        expect(await session.nextLine()).toMatch(/^ended/);
      }
    } finally {
      for (const session of sessions) session.kill();
    }
  });

  it('refuses a disabled user', async () => {
    const { userId, secret } = await gateways.userWithPassword('eve@contoso.example');
    await gateways.admin.data(`mutation($id: ID!) { disableUser(id: $id) { isEnabled } }`, { id: userId });
    expect(await gateways.mailLogin('imap', 'eve@contoso.example', secret)).toMatch(/^refused/);
    expect((await gateways.curlHttp('eve@contoso.example', secret)).status).toBe(401);
  });

  it('throttles repeated failures (429 through nginx, refused by Dovecot) without locking the owner out of a known address', async () => {
    const { secret } = await gateways.userWithPassword('fay@contoso.example');
    expect((await gateways.curlHttp('fay@contoso.example', secret, '127.0.0.1')).status).toBe(200);
    expect(await gateways.mailLogin('imap', 'fay@contoso.example', secret, '127.0.0.70')).toBe('ok');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await gateways.curlHttp('fay@contoso.example', 'kw-guess', '127.0.0.66')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const throttled = await gateways.curlHttp('fay@contoso.example', secret, '127.0.0.66');
    expect(throttled.status).toBe(429);
    expect(throttled.headers).toMatch(/Retry-After: \d+/i);
    expect(await gateways.mailLogin('imap', 'fay@contoso.example', secret, '127.0.0.66')).toMatch(/^refused/);
    expect((await gateways.curlHttp('fay@contoso.example', secret, '127.0.0.1')).status).toBe(200);
    expect(await gateways.mailLogin('imap', 'fay@contoso.example', secret, '127.0.0.70')).toBe('ok');
  });

  it('shows a client polling once a second its first failure right after the revoke is acknowledged', async () => {
    const { secret, appPasswordId } = await gateways.userWithPassword('gus@contoso.example');
    const polls: { startedAt: number; status: number }[] = [];
    let isPolling = true;
    const poller = (async () => {
      while (isPolling) {
        const startedAt = Date.now();
        polls.push({ startedAt, status: (await gateways.curlHttp('gus@contoso.example', secret)).status });
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - startedAt))));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await gateways.admin.data(REVOKE, { input: { id: appPasswordId, reason: 'rotation' } });
    const acknowledgedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    isPolling = false;
    await poller;
    const after = polls.filter((poll) => poll.startedAt > acknowledgedAt);
    expect(polls.filter((poll) => poll.startedAt < acknowledgedAt - 1000).every((poll) => poll.status === 200)).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.every((poll) => poll.status === 401)).toBe(true);
  });
});

/** An IMAP session held open by the test's client script: read its lines, write commands, end it. */
function openImapSession([command, args]: [string, string[]]) {
  const client = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
  return {
    nextLine: () =>
      Promise.race([lines.next().then((line) => line.value as string), new Promise<string>((resolve) => setTimeout(() => resolve('(no answer in 15 s)'), 15_000))]),
    write: (text: string) => client.stdin.write(text),
    kill: () => client.kill(),
  };
}
