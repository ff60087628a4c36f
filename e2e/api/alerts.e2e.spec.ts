import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ADMIN_PASSWORD,
  ConsoleClient,
  createUser,
  eventually,
  freePort,
  generate,
  KeywardProcess,
  REVOKE,
  verify,
  type GraphQLResponse,
  type Json,
} from '@keyward/e2e/support';

const ALERT_FIELDS = `id kind severity firstSeenAt lastSeenAt count appPassword { id } user { userPrincipalName } userPrincipalName sourceIp sourceNetwork
  accounts credentialStatus acknowledged acknowledgedAt acknowledgedBy`;
const ALERTS = `query($filter: AlertFilter, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${ALERT_FIELDS} } } } }`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT_FIELDS} } }`;
const WEBHOOK_SECRET = 'a shared secret for the alert webhook';

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

/** One POST the receiver got: when, what, and whether its signature held. */
interface Received {
  at: number;
  delivery: string;
  event: string;
  body: string;
  isSigned: boolean;
  answer: 'fail' | 'hang' | 'ok';
}

/**
 * A webhook receiver on a loopback port. It answers each request as `plan` says (then `mode`):
 * 500, no answer at all (Keyward times out), or 204. It checks the signature as a receiver
 * should: HMAC-SHA256 of the raw body, compared in constant time.
 */
class Receiver {
  readonly received: Received[] = [];
  plan: ('fail' | 'hang')[] = [];
  mode: 'fail' | 'ok' = 'ok';
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const answer = this.plan.shift() ?? this.mode;
        this.received.push({
          at: Date.now(),
          delivery: String(request.headers['x-keyward-delivery']),
          event: String(request.headers['x-keyward-event']),
          body: raw.toString('utf8'),
          isSigned: isSignedBy(raw, request.headers['x-keyward-signature-256'], WEBHOOK_SECRET),
          answer,
        });
        if (answer === 'fail') response.writeHead(500).end('not now');
        else if (answer === 'ok') response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/keyward`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Deliveries taken (answered 2xx), by delivery id. */
  accepted(): Map<string, Received[]> {
    const byId = new Map<string, Received[]>();
    for (const request of this.received.filter((r) => r.answer === 'ok')) byId.set(request.delivery, [...(byId.get(request.delivery) ?? []), request]);
    return byId;
  }
}

function isSignedBy(raw: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Alerts against a real Keyward process: each kind raised by real /verify calls from the
// addresses a trusted proxy forwards, listed, filtered, acknowledged by the right roles, kept
// per tenant, and delivered to a webhook that fails at first, across a kill -9.
describe('alerts: detectors over the sign-ins, acknowledgement, and a signed webhook', () => {
  const receiver = new Receiver();
  let keyward: KeywardProcess;
  let admin: ConsoleClient;
  let responder: ConsoleClient;
  let auditor: ConsoleClient;
  let fabrikam: ConsoleClient;
  let responderId: string;
  const secrets: string[] = [];
  const credentials: Record<string, { secret: string; appPassword: { id: string } }> = {};

  const signIn = (user: string, password: string, ip: string) => verify(keyward.baseUrl, user, password, { 'X-Keyward-Protocol': 'imap', 'X-Forwarded-For': ip });
  const alerts = async (client: ConsoleClient, filter: Json = {}, first = 50, after?: string) => (await client.data(ALERTS, { filter, first, after }))['alerts'];
  /** The alerts a filter finds, once there are `count` of them (the detectors run behind the sign-ins). */
  const alertsOnce = (filter: Json, count = 1, client = admin) =>
    eventually(async () => {
      const found = await alerts(client, filter);
      return found.totalCount >= count ? found.edges.map((edge: Json) => edge.node) : undefined;
    }, 15_000);
  const keep = (name: string, generated: { secret: string; appPassword: { id: string } }) => {
    credentials[name] = generated;
    secrets.push(generated.secret);
  };

  beforeAll(async () => {
    await receiver.start();
    // The first delivery attempts fail: one 500, then one left unanswered (Keyward gives up after 1 s).
    receiver.plan = ['fail', 'hang'];
    keyward = new KeywardProcess({
      domains: 'contoso.example,fabrikam.example',
      port: await freePort(),
      env: {
        KEYWARD_ALERT_LEARNING_SECONDS: '2',
        KEYWARD_WEBHOOK_URL: receiver.url,
        KEYWARD_WEBHOOK_SECRET: WEBHOOK_SECRET,
        KEYWARD_WEBHOOK_TIMEOUT_SECONDS: '1',
        KEYWARD_WEBHOOK_RETRY_SECONDS: '1',
      },
    });
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    for (const name of ['alice', 'bob', 'carol', 'dave']) await createUser(admin, `${name}@contoso.example`);
    responderId = (await createUser(admin, 'rita@contoso.example', ['INCIDENT_RESPONDER'], { password: 'rita-console-password' })).id;
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    responder = new ConsoleClient(keyward.baseUrl);
    expect(await responder.signIn('rita@contoso.example', 'rita-console-password')).toBe(200);
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    fabrikam = new ConsoleClient(keyward.baseUrl);
    await fabrikam.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const users = ((await admin.data('{ users(first: 50) { edges { node { id userPrincipalName } } } }'))['users'].edges as Json[]).map((edge) => edge.node);
    const idOf = (name: string) => users.find((user) => user.userPrincipalName === `${name}@contoso.example`).id;
    keep('aliceMail', await generate(admin, idOf('alice'), 'Thunderbird'));
    keep('carolPhone', await generate(admin, idOf('carol'), 'iPhone Mail'));
    keep('carolScanner', await generate(admin, idOf('carol'), 'Scanner'));
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    await receiver.stop();
  });

  it('raises REVOKED_CREDENTIAL_USED, high, when a revoked app password is presented with its correct secret', async () => {
    const { secret, appPassword } = credentials['aliceMail'];
    expect((await signIn('alice@contoso.example', secret, '203.0.113.7')).status).toBe(204);
    await admin.data(REVOKE, { input: { id: appPassword.id, reason: 'Laptop stolen' } });
    expect((await signIn('alice@contoso.example', secret, '203.0.113.7')).status).toBe(401);
    const [alert] = await alertsOnce({ kind: 'REVOKED_CREDENTIAL_USED' });
    expect(alert).toMatchObject({
      severity: 'HIGH',
      count: 1,
      appPassword: { id: appPassword.id },
      user: { userPrincipalName: 'alice@contoso.example' },
      sourceIp: '203.0.113.7',
      sourceNetwork: '203.0.113.0/24',
      credentialStatus: 'REVOKED',
      acknowledged: false,
    });
    // The same holder again counts towards the same alert; a wrong secret proves nothing and raises nothing.
    expect((await signIn('alice@contoso.example', secret, '203.0.113.8')).status).toBe(401);
    expect((await signIn('alice@contoso.example', secret.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), '198.51.100.99')).status).toBe(401);
    const counted = await eventually(async () => {
      const [found] = (await alerts(admin, { kind: 'REVOKED_CREDENTIAL_USED' })).edges;
      return found?.node.count === 2 ? found.node : undefined;
    });
    expect(counted.id).toBe(alert.id);
    expect((await alerts(admin, { kind: 'REVOKED_CREDENTIAL_USED' })).totalCount).toBe(1);
  });

  it('raises FAILURE_BURST for an account at the 20th failure in five minutes, the count surviving a kill -9 of Keyward', async () => {
    for (let i = 0; i < 12; i++) expect((await signIn('bob@contoso.example', 'hunter2', `198.51.100.${i}`)).status).toBe(401);
    // Wait until the detection has seen the twelve (they are in its memory and checkpoint), and
    // until the webhook has delivered the first alert (its retries are measured below), then kill.
    await eventually(async () => ((await admin.data('{ auditEvents(filter: { types: ["SignInFailed"] }) { totalCount } }'))['auditEvents'].totalCount >= 12 ? true : undefined));
    await eventually(async () => (receiver.accepted().size > 0 ? true : undefined), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await keyward.kill();
    await keyward.start();
    expect((await alerts(admin, { kind: 'FAILURE_BURST' })).totalCount).toBe(0);
    for (let i = 12; i < 20; i++) expect((await signIn('bob@contoso.example', 'hunter2', `198.51.100.${i}`)).status).toBe(401);
    const [burst] = await alertsOnce({ kind: 'FAILURE_BURST' });
    expect(burst).toMatchObject({ severity: 'MEDIUM', count: 20, user: { userPrincipalName: 'bob@contoso.example' }, sourceIp: null, appPassword: null });
  });

  it('raises FAILURE_BURST for an address that fails 20 times over a few accounts', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn(`guess${i % 5}@contoso.example`, 'password1', '192.0.2.99')).status).toBe(401);
    const [burst] = await alertsOnce({ kind: 'FAILURE_BURST', sourceIp: '192.0.2.99' });
    expect(burst).toMatchObject({ count: 20, sourceIp: '192.0.2.99', user: null });
  });

  it('raises PASSWORD_SPRAY when ten accounts fail from one address', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(`staff${i}@contoso.example`, 'Winter2026!', '203.0.113.66')).status).toBe(401);
    const [spray] = await alertsOnce({ kind: 'PASSWORD_SPRAY' });
    expect(spray).toMatchObject({ severity: 'HIGH', sourceIp: '203.0.113.66', accounts: 10, count: 10, user: null, appPassword: null });
  });

  it('raises NEW_SOURCE_ADDRESS for a network a credential with history never used, and not while it is learning', async () => {
    const phone = credentials['carolPhone'];
    expect((await signIn('carol@contoso.example', phone.secret, '198.18.0.5')).status).toBe(204);
    // A second network at once: the credential is still learning (KEYWARD_ALERT_LEARNING_SECONDS=2).
    expect((await signIn('carol@contoso.example', phone.secret, '198.18.1.5')).status).toBe(204);
    // A first use, however it goes, is never an alert.
    expect((await signIn('carol@contoso.example', credentials['carolScanner'].secret, '100.64.9.9')).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await signIn('carol@contoso.example', phone.secret, '198.18.0.77')).status).toBe(204);
    expect((await signIn('carol@contoso.example', phone.secret, '100.64.3.3')).status).toBe(204);
    const [arrival] = await alertsOnce({ kind: 'NEW_SOURCE_ADDRESS' });
    expect(arrival).toMatchObject({ severity: 'LOW', count: 1, appPassword: { id: phone.appPassword.id }, user: { userPrincipalName: 'carol@contoso.example' }, sourceIp: '100.64.3.3', sourceNetwork: '100.64.3.0/24' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await alerts(admin, { kind: 'NEW_SOURCE_ADDRESS' })).totalCount).toBe(1);
  });

  it('lists alerts newest first, pages them, and filters by kind, address, credential, account and time', async () => {
    const all = await alerts(auditor);
    expect(all.totalCount).toBe(5);
    const seen = all.edges.map((edge: Json) => edge.node.lastSeenAt);
    expect([...seen].sort().reverse()).toEqual(seen);
    const first = await alerts(auditor, {}, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await alerts(auditor, {}, 2, first.pageInfo.endCursor);
    const third = await alerts(auditor, {}, 2, second.pageInfo.endCursor);
    const paged = [...first.edges, ...second.edges, ...third.edges].map((edge: Json) => edge.node.id);
    expect(paged).toEqual(all.edges.map((edge: Json) => edge.node.id));
    expect(third.pageInfo.hasNextPage).toBe(false);

    const kinds = async (filter: Json) => (await alerts(auditor, filter)).edges.map((edge: Json) => edge.node.kind).sort();
    expect(await kinds({ sourceIp: '203.0.113.0/24' })).toEqual(['PASSWORD_SPRAY', 'REVOKED_CREDENTIAL_USED']);
    expect(await kinds({ sourceIp: '100.64.3.3' })).toEqual(['NEW_SOURCE_ADDRESS']);
    expect(await kinds({ appPasswordId: credentials['aliceMail'].appPassword.id })).toEqual(['REVOKED_CREDENTIAL_USED']);
    expect(await kinds({ severity: 'HIGH' })).toEqual(['PASSWORD_SPRAY', 'REVOKED_CREDENTIAL_USED']);
    const bob = ((await admin.data('{ users(filter: { search: "bob@" }) { edges { node { id } } } }'))['users'].edges as Json[])[0].node.id;
    expect(await kinds({ userId: bob })).toEqual(['FAILURE_BURST']);
    expect(await kinds({ since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await kinds({ since: new Date(Date.now() - 600_000).toISOString(), acknowledged: false })).toHaveLength(5);
    expect(codeOf(await auditor.graphql(ALERTS, { filter: { sourceIp: 'not an address' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await auditor.graphql(ALERTS, { filter: { since: 'yesterday' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await auditor.graphql(ALERTS, { after: 'bm90IGEgY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });

  it('lets responders and admins acknowledge, auditors only read, and users neither', async () => {
    const [spray] = await alertsOnce({ kind: 'PASSWORD_SPRAY' });
    const acknowledged = (await responder.data(ACKNOWLEDGE, { id: spray.id }))['acknowledgeAlert'];
    expect(acknowledged).toMatchObject({ id: spray.id, acknowledged: true, acknowledgedBy: `user:${responderId}`, acknowledgedAt: expect.any(String) });
    // Again, by someone else: nothing changes.
    expect((await admin.data(ACKNOWLEDGE, { id: spray.id }))['acknowledgeAlert']).toMatchObject({ acknowledgedBy: `user:${responderId}`, acknowledgedAt: acknowledged.acknowledgedAt });
    expect((await alerts(auditor, { acknowledged: true })).edges.map((edge: Json) => edge.node.id)).toEqual([spray.id]);
    expect((await alerts(auditor, { acknowledged: false })).totalCount).toBe(4);
    expect(codeOf(await auditor.graphql(ACKNOWLEDGE, { id: spray.id }))).toBe('FORBIDDEN');
    await createUser(admin, 'ursula@contoso.example', ['USER'], { password: 'ursula-console-password' });
    const user = new ConsoleClient(keyward.baseUrl);
    await user.signIn('ursula@contoso.example', 'ursula-console-password');
    expect(codeOf(await user.graphql(ALERTS))).toBe('FORBIDDEN');
    expect(codeOf(await user.graphql(ACKNOWLEDGE, { id: spray.id }))).toBe('FORBIDDEN');
    expect(codeOf(await responder.graphql(ACKNOWLEDGE, { id: '00000000-0000-5000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOf(await responder.graphql(ACKNOWLEDGE, { id: 'not-an-alert' }))).toBe('NOT_FOUND');
  });

  it("keeps tenants apart: another tenant's alert is not listed and NOT_FOUND to acknowledge", async () => {
    const otherId = ((await fabrikam.data('{ me { id } }'))['me'] as Json).id;
    const { secret, appPassword } = await generate(fabrikam, otherId, 'Old phone');
    secrets.push(secret);
    await fabrikam.data(REVOKE, { input: { id: appPassword.id, reason: 'Replaced' } });
    expect((await signIn('admin@fabrikam.example', secret, '203.0.113.200')).status).toBe(401);
    const [foreign] = await alertsOnce({ kind: 'REVOKED_CREDENTIAL_USED' }, 1, fabrikam);
    expect((await fabrikam.data(ALERTS, {}))['alerts'].totalCount).toBe(1);
    expect((await alerts(admin)).edges.map((edge: Json) => edge.node.id)).not.toContain(foreign.id);
    expect(codeOf(await admin.graphql(ACKNOWLEDGE, { id: foreign.id }))).toBe('NOT_FOUND');
    expect(codeOf(await responder.graphql(ACKNOWLEDGE, { id: foreign.id }))).toBe('NOT_FOUND');
    expect((await fabrikam.data(ACKNOWLEDGE, { id: foreign.id }))['acknowledgeAlert'].acknowledged).toBe(true);
  });

  it('delivers every alert to the webhook at least once, signed, retrying with growing waits and across a kill -9', async () => {
    // The first alert's first two attempts failed (500, then no answer), and the third was taken.
    const first = receiver.received.slice(0, 3);
    expect(first.map((r) => r.answer)).toEqual(['fail', 'hang', 'ok']);
    expect(new Set(first.map((r) => r.delivery)).size).toBe(1);
    expect(new Set(first.map((r) => r.body)).size).toBe(1);
    const [wait1, wait2] = [first[1].at - first[0].at, first[2].at - first[1].at];
    expect(wait1).toBeGreaterThanOrEqual(900);
    expect(wait2).toBeGreaterThan(wait1 + 1500);

    // The receiver goes away; a new alert is raised and its delivery fails; Keyward is killed and comes back.
    receiver.mode = 'fail';
    const before = receiver.received.length;
    keep('daveMail', await generate(admin, ((await admin.data('{ users(filter: { search: "dave@" }) { edges { node { id } } } }'))['users'].edges as Json[])[0].node.id, 'Outlook'));
    await admin.data(REVOKE, { input: { id: credentials['daveMail'].appPassword.id, reason: 'Left the company' } });
    expect((await signIn('dave@contoso.example', credentials['daveMail'].secret, '198.51.100.150')).status).toBe(401);
    const [daveAlert] = await alertsOnce({ appPasswordId: credentials['daveMail'].appPassword.id });
    await eventually(async () => (receiver.received.slice(before).some((r) => JSON.parse(r.body).alert.id === daveAlert.id) ? true : undefined), 20_000);
    await keyward.kill();
    receiver.mode = 'ok';
    await keyward.start();

    // Every alert of both tenants arrives, each delivery id taken once (nothing was in flight at the kill).
    const everyAlert = [...(await alerts(admin)).edges, ...(await fabrikam.data(ALERTS, {}))['alerts'].edges].map((edge: Json) => edge.node.id).sort();
    expect(everyAlert).toHaveLength(7);
    const delivered = await eventually(async () => {
      const ids = [...receiver.accepted().values()].map(([request]) => JSON.parse(request.body).alert.id).sort();
      return ids.length >= everyAlert.length ? ids : undefined;
    }, 30_000);
    expect(delivered).toEqual(everyAlert);
    expect([...receiver.accepted().values()].every((requests) => requests.length === 1)).toBe(true);

    // Signed, in GitHub's style, and never carrying a secret or a hash.
    expect(receiver.received.every((r) => r.isSigned && r.event === 'alert')).toBe(true);
    const bodies = receiver.received.map((r) => r.body).join('\n');
    expect(bodies).not.toMatch(/argon2|secretHash|passwordHash/);
    for (const secret of secrets) expect(bodies).not.toContain(secret.replace(/ /g, '').slice(10));
    const [daveDelivery] = receiver.accepted().get(receiver.received.find((r) => JSON.parse(r.body).alert.id === daveAlert.id)?.delivery ?? '') ?? [];
    expect(JSON.parse(daveDelivery.body)).toMatchObject({ action: 'raised', alert: { id: daveAlert.id, kind: 'REVOKED_CREDENTIAL_USED', severity: 'HIGH', sourceIp: '198.51.100.150' } });
    expect(keyward.output).not.toContain(WEBHOOK_SECRET);
  }, 90_000);
});
