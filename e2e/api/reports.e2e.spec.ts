import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, REVOKE, verify, type Json } from '@keyward/e2e/support';

const POLICY_FIELDS = 'maxActivePerUser maxLifetimeDays idleRevocationDays allowedScopes isMfaRequired revokesOnPasswordReset revokesOnDisable';
const CHANGE_POLICY = `mutation($input: TenantPolicyInput!) { changeTenantPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const RESET = 'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }';
const START = 'mutation($input: StartAccessReviewInput!) { startAccessReview(input: $input) { id items { edges { node { id label } } } } }';
const DECIDE = 'mutation($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { id } }';

// The compliance reports (DESIGN §8 GET /reports/<name>) from a real Keyward: CSV read back with
// csv-parse, PDF read back with poppler's pdftotext and pdfinfo (Debian's poppler-utils).
describe('compliance reports an auditor hands over', () => {
  const keyward = new KeywardProcess({ domains: 'contoso.example,fabrikam.example' });
  const pdfDir = mkdtempSync(join(tmpdir(), 'keyward-reports-'));
  let admin: ConsoleClient;
  let auditor: ConsoleClient;
  let alice: ConsoleClient;
  let ids: Record<string, string>;
  const secrets: Record<string, { secret: string; appPassword: { id: string } }> = {};
  const at: Record<string, string> = {};

  const get = (client: ConsoleClient | null, path: string) => fetch(`${keyward.baseUrl}${path}`, { headers: client ? { cookie: client.sessionCookie } : {} });
  const csv = async (path: string): Promise<Json[]> => {
    const response = await get(auditor, path);
    expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, expect.stringContaining('text/csv')]);
    return parse(await response.text(), { columns: true }) as Json[];
  };
  const pdfText = async (path: string): Promise<{ text: string; pages: number }> => {
    const response = await get(auditor, path);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const file = join(pdfDir, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
  };

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const policy = (await admin.data(`query { tenantPolicy { ${POLICY_FIELDS} } }`))['tenantPolicy'];
    // A reset that leaves app passwords working: the Entra behaviour the survived-reset report finds.
    await admin.data(CHANGE_POLICY, { input: { ...policy, revokesOnPasswordReset: false } });
    const aliceUser = await createUser(admin, 'alice@contoso.example', ['USER'], { password: 'alice-console-password' });
    const bobUser = await createUser(admin, 'bob@contoso.example');
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    ids = { alice: aliceUser.id, bob: bobUser.id, admin: (await admin.data('query { me { id } }'))['me'].id };
    auditor = new ConsoleClient(keyward.baseUrl);
    expect(await auditor.signIn('audrey@contoso.example', 'audrey-console-password')).toBe(200);
    alice = new ConsoleClient(keyward.baseUrl);
    expect(await alice.signIn('alice@contoso.example', 'alice-console-password')).toBe(200);
    secrets['aliceMail'] = await generate(admin, ids.alice, 'Thunderbird, "work"');
    secrets['bobScanner'] = await generate(admin, ids.bob, 'Scanner');
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secrets['aliceMail'].secret, { 'X-Keyward-Protocol': 'imap' })).status).toBe(204);
    expect((await verify(keyward.baseUrl, 'bob@contoso.example', secrets['bobScanner'].secret, { 'X-Keyward-Protocol': 'smtp' })).status).toBe(204);
    await admin.data(RESET, { input: { userId: ids.alice, password: 'a brand new console password' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    at['beforeRevocation'] = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await admin.data(REVOKE, { input: { id: secrets['bobScanner'].appPassword.id, reason: 'Scanner replaced, see INC-9' } });
    // Tighter policy afterwards: what was issued before is now an exception.
    await admin.data(CHANGE_POLICY, { input: { ...policy, revokesOnPasswordReset: false, allowedScopes: ['imap', 'smtp'], maxLifetimeDays: 30 } });
  }, 60_000);
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    rmSync(pdfDir, { recursive: true, force: true });
  });

  it('inventory: every app password now, or as it stood at asOf', async () => {
    const now = await csv('/reports/inventory');
    expect(now.map((row) => [row['user'], row['label'], row['status']])).toEqual([
      ['alice@contoso.example', 'Thunderbird, "work"', 'ACTIVE'],
      ['bob@contoso.example', 'Scanner', 'REVOKED'],
    ]);
    expect(now[0]).toMatchObject({ app_password_id: secrets['aliceMail'].appPassword.id, use_count: '1', scopes: 'imap pop smtp http' });
    const then = await csv(`/reports/inventory?asOf=${encodeURIComponent(at['beforeRevocation'])}`);
    expect(then.map((row) => row['status'])).toEqual(['ACTIVE', 'ACTIVE']);
    expect(JSON.stringify(now)).not.toMatch(/argon2|\$/);
  });

  it('dormant: unused for days or more, CIS 45 and PCI 90 side by side; days=-1 is a 400', async () => {
    expect(await csv('/reports/dormant')).toEqual([]);
    const all = await csv('/reports/dormant?days=0');
    expect(all.map((row) => row['label'])).toEqual(['Thunderbird, "work"']);
    expect(all[0]).toMatchObject({ days_unused: '0', beyond_cis_45: 'no', beyond_pci_90: 'no' });
    const { text } = await pdfText('/reports/dormant?format=pdf');
    expect(text).toMatch(/CIS 5\.3: 45 days\s+0/);
    expect(text).toMatch(/PCI DSS 8\.2\.6: 90 days\s+0/);
    expect((await get(auditor, '/reports/dormant?days=-1')).status).toBe(400);
    expect((await get(auditor, '/reports/dormant?days=soon')).status).toBe(400);
  });

  it('survived-reset: app passwords older than their owner’s last password reset', async () => {
    const rows = await csv('/reports/survived-reset');
    expect(rows.map((row) => [row['user'], row['label']])).toEqual([['alice@contoso.example', 'Thunderbird, "work"']]);
    expect(rows[0]['owner_password_reset_at'] > rows[0]['created_at']).toBe(true);
  });

  it('credential-changes: who did what to which credential, when, from where, with what outcome', async () => {
    const rows = await csv('/reports/credential-changes');
    const revoked = rows.find((row) => row['change'] === 'AppPasswordRevoked');
    expect(revoked).toMatchObject({
      actor: `user:${ids.admin}`,
      actor_name: 'admin@contoso.example',
      app_password_id: secrets['bobScanner'].appPassword.id,
      label: 'Scanner',
      owner: 'bob@contoso.example',
      source_ip: '127.0.0.1',
      outcome: 'success',
      reason: 'Scanner replaced, see INC-9',
    });
    expect(rows.filter((row) => row['change'] === 'AppPasswordGenerated')).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const since = await csv(`/reports/credential-changes?from=${encodeURIComponent(new Date().toISOString())}`);
    expect(since).toEqual([]);
    expect((await get(auditor, '/reports/credential-changes?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')).status).toBe(400);
    expect((await get(auditor, '/reports/credential-changes?from=last-tuesday')).status).toBe(400);
  });

  it('policy-exceptions: scopes and lifetimes the tightened policy no longer allows', async () => {
    const rows = await csv('/reports/policy-exceptions');
    expect(rows.filter((row) => row['exception'] === 'SCOPE_OUTSIDE_POLICY').map((row) => [row['label'], row['detail']])).toEqual([['Thunderbird, "work"', 'scopes pop, http are not allowed']]);
    expect(rows.filter((row) => row['exception'] === 'PAST_MAX_LIFETIME').map((row) => row['label'])).toEqual(['Thunderbird, "work"']);
  });

  it('sign-ins-by-protocol: per day and protocol', async () => {
    const rows = await csv('/reports/sign-ins-by-protocol');
    const today = rows.find((row) => row['day'] === new Date().toISOString().slice(0, 10));
    expect(today).toMatchObject({ imap: '1', smtp: '1', pop: '0', http: '0', rejected: '0' });
  });

  it('access-review: the history of a review, with the columns of Entra’s download', async () => {
    const started = (await admin.data(START, { input: { name: 'Q4 review', dueAt: new Date(Date.now() + 86_400_000).toISOString(), filter: { userIds: [ids.alice] } } }))['startAccessReview'];
    await admin.data(DECIDE, { input: { itemId: started.items.edges[0].node.id, decision: 'KEEP', justification: 'Her only mail client' } });
    const rows = await csv(`/reports/access-review?id=${started.id}`);
    expect(rows).toEqual([
      expect.objectContaining({
        review_name: 'Q4 review', principal_name: 'alice@contoso.example', resource_name: 'Thunderbird, "work"', decision: 'KEEP', justification: 'Her only mail client',
        reviewed_by: `user:${ids.admin}`, reviewed_by_name: 'admin@contoso.example', applied_by: `user:${ids.admin}`, recommendation: 'KEEP',
      }),
    ]);
    const { text } = await pdfText(`/reports/access-review?id=${started.id}&format=pdf`);
    expect(text).toContain('Access review: Q4 review');
    expect((await get(auditor, '/reports/access-review?id=no-such-review')).status).toBe(404);
    expect((await get(auditor, '/reports/access-review')).status).toBe(400);
    const other = new ConsoleClient(keyward.baseUrl);
    await other.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    expect((await get(other, `/reports/access-review?id=${started.id}`)).status).toBe(404);
  });

  it('PDF: the first page names the tenant, the period, when, who and the checkpoint; every page is numbered', async () => {
    const response = await get(auditor, '/reports/inventory');
    const size = Number(response.headers.get('x-keyward-checkpoint-size'));
    expect(size).toBeGreaterThan(0);
    const { text, pages } = await pdfText('/reports/inventory?format=pdf');
    expect(text).toContain('App password inventory');
    expect(text).toMatch(/Tenant\s+contoso\.example \(contoso\.example\)/);
    expect(text).toMatch(/Generated by\s+audrey@contoso\.example \(user:/);
    expect(text).toMatch(/checkpoint of \d+ records/);
    expect(text).toContain('App passwords by status');
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    const checkpoint = await (await get(auditor, `/audit/checkpoint?size=${size}`)).text();
    expect(checkpoint.split('\n')[1]).toBe(String(size));
  });

  it('refuses an unknown report (404), an unknown format or parameter (400), a user (403) and no session (401)', async () => {
    expect((await get(auditor, '/reports/everything')).status).toBe(404);
    expect((await get(auditor, '/reports/inventory?format=xml')).status).toBe(400);
    expect((await get(auditor, '/reports/inventory?colour=blue')).status).toBe(400);
    expect((await get(auditor, '/reports/inventory?asOf=2001-01-01T00:00:00Z')).status).toBe(400);
    expect((await get(auditor, `/reports/inventory?asOf=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).status).toBe(400);
    // Her password was reset (which ended her sessions): she signs in again.
    expect(await alice.signIn('alice@contoso.example', 'a brand new console password')).toBe(200);
    expect((await get(alice, '/reports/inventory')).status).toBe(403);
    expect((await get(null, '/reports/inventory')).status).toBe(401);
    const body = await (await get(auditor, '/reports/everything')).json();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|stack/i);
  });
});
