import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, verify } from '@keyward/e2e/support';

const TOKEN = 'a-scrape-token-of-some-length';

/** The value of one sample line (`name{labels} value`), or undefined when there is none. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

// GET /metrics for Prometheus (KEYWARD_METRICS=true) and the probes split from /health.
describe('metrics and probes', () => {
  const keyward = new KeywardProcess({ env: { KEYWARD_METRICS: 'true', KEYWARD_METRICS_TOKEN: TOKEN } });
  const scrape = (authorization?: string) => fetch(`${keyward.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });

  beforeAll(async () => {
    await keyward.start();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const user = await createUser(admin, 'mia@contoso.example');
    const { secret } = await generate(admin, user.id, 'Phone');
    expect((await verify(keyward.baseUrl, 'mia@contoso.example', secret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'mia@contoso.example', `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`, { 'X-Keyward-Protocol': 'imap' })).status).toBe(401);
    expect((await verify(keyward.baseUrl, 'nobody@contoso.example', secret, { 'X-Keyward-Protocol': 'smtp' })).status).toBe(401);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
  });

  it('given verifications, GraphQL and appends, when Prometheus scrapes with the token, then it reads them by outcome, reason and protocol, with the node state beside', async () => {
    // when
    const response = await scrape(`Bearer ${TOKEN}`);
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'keyward_verifications_total', 'outcome="accepted",reason="",protocol="imap"')).toBe(1);
    expect(sample(text, 'keyward_verifications_total', 'outcome="rejected",reason="TYPO",protocol="imap"')).toBe(1);
    expect(sample(text, 'keyward_verifications_total', 'outcome="rejected",reason="UNKNOWN_USER",protocol="smtp"')).toBe(1);
    expect(sample(text, 'keyward_verify_duration_seconds_count', 'outcome="accepted"')).toBe(1);
    expect(sample(text, 'keyward_graphql_duration_seconds_count', 'status="200"')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'keyward_event_append_duration_seconds_count', 'result="ok"')).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'keyward_dead_letters')).toBe(0);
    expect(sample(text, 'keyward_revocation_cases_running')).toBe(0);
    expect(sample(text, 'keyward_catch_up_seconds', 'kind="projections"')).toBeLessThan(5);
    expect(sample(text, 'keyward_verify_throttled', 'kind="accounts"')).toBe(0);
    expect(sample(text, 'keyward_hashing_queue', 'state="running"')).toBe(0);
    expect(sample(text, 'keyward_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // and no tenant, user or secret in it
    expect(text).not.toMatch(/contoso|mia@|kw[a-z0-9]{30}/);
  });

  it('serves every metric the Grafana dashboard in docs/operations plots', async () => {
    const dashboard = readFileSync(join(__dirname, '../../docs/operations/grafana-dashboard.json'), 'utf8');
    const plotted = [...new Set([...dashboard.matchAll(/keyward_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, '')))];
    expect(plotted.length).toBeGreaterThan(8);
    const served = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(plotted.filter((name) => !served.includes(`# HELP ${name} `))).toEqual([]);
  });

  it("keeps its bearer apart from API tokens: frequent scrapes are never throttled as wrong tokens", async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 110; i++) statuses.add((await scrape(`Bearer ${TOKEN}`)).status);
    expect([...statuses]).toEqual([200]);
  });

  it('refuses a scrape without the token (401), and is 404 where metrics are off', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-of-some-length')).status).toBe(401);
    const plain = await new KeywardProcess().start();
    try {
      expect((await fetch(`${plain.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await plain.stop();
      plain.removeData();
    }
  });

  it('answers the liveness and readiness probes apart from /health', async () => {
    const live = await fetch(`${keyward.baseUrl}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${keyward.baseUrl}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });
});
