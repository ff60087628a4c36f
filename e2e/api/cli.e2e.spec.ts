import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, generate, KeywardProcess, OFFLINE_VERIFIER, publishedKeys, REVOKE, verify, verifyOffline } from '@keyward/e2e/support';

const run = promisify(execFile);

// The CLI's API jobs (dist/tools/keyward.mjs alerts | export), run as a user would, with plain
// node, KEYWARD_URL and KEYWARD_TOKEN, against a real Keyward: alerts as JSON lines, a signed
// bundle that the same file then verifies offline, and clear exit codes when it cannot.
describe('the CLI: alerts, export, revoke and scan-leaks', () => {
  const keyward = new KeywardProcess();
  const work = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
  let token: string;
  let responderToken: string;
  let admin: ConsoleClient;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    await createUser(admin, 'rita@contoso.example', ['INCIDENT_RESPONDER'], { password: 'rita-console-password' });
    const responder = new ConsoleClient(keyward.baseUrl);
    await responder.signIn('rita@contoso.example', 'rita-console-password');
    responderToken = (await responder.data('mutation { createApiToken(input: { name: "cli", role: INCIDENT_RESPONDER }) { token } }'))['createApiToken'].token;
    await createUser(admin, 'audrey@contoso.example', ['AUDITOR'], { password: 'audrey-console-password' });
    const auditor = new ConsoleClient(keyward.baseUrl);
    await auditor.signIn('audrey@contoso.example', 'audrey-console-password');
    token = (await auditor.data('mutation { createApiToken(input: { name: "cli", role: AUDITOR }) { token } }'))['createApiToken'].token;
    // An alert: a revoked app password presented with its secret.
    const bob = await createUser(admin, 'bob@contoso.example');
    const { secret, appPassword } = await generate(admin, bob.id, 'Old phone');
    await admin.data(REVOKE, { input: { id: appPassword.id, reason: 'Phone sold' } });
    expect((await verify(keyward.baseUrl, 'bob@contoso.example', secret)).status).toBe(401);
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    rmSync(work, { recursive: true, force: true });
  });

  const cli = async (args: string[], env: Record<string, string> = { KEYWARD_URL: keyward.baseUrl, KEYWARD_TOKEN: token }) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [OFFLINE_VERIFIER, ...args], { cwd: work, env: { PATH: process.env['PATH'] ?? '', ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('given an alert, when the CLI pulls alerts with --json, then it prints it as one JSON line and exits 0', async () => {
    const lines = await eventually(async () => {
      const { code, stdout } = await cli(['alerts', '--json']);
      expect(code).toBe(0);
      const found = stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
      return found.length > 0 ? found : undefined;
    });
    expect(lines).toEqual([expect.objectContaining({ kind: 'REVOKED_CREDENTIAL_USED', severity: 'HIGH', acknowledged: false })]);
  });

  it('exports a signed inventory bundle to a file, which the same file then verifies offline', async () => {
    const { code, stdout } = await cli(['export', '--kind', 'inventory', '--out', 'inventory.zip', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ file: 'inventory.zip', bytes: statSync(join(work, 'inventory.zip')).size });
    const keys = (await publishedKeys(keyward.baseUrl)).map((key) => key.verifierKey);
    expect((await verifyOffline(join(work, 'inventory.zip'), keys)).code).toBe(0);
  });

  it('says what is wrong with a clear exit code: 2 without configuration or with bad arguments, 3 when Keyward refuses, 4 when it cannot be reached', async () => {
    const missing = await cli(['alerts'], {});
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('set KEYWARD_URL')]);
    expect((await cli(['export', '--kind', 'everything'])).code).toBe(2);
    expect((await cli(['alerts', '--colour'])).code).toBe(2);
    const refused = await cli(['alerts'], { KEYWARD_URL: keyward.baseUrl, KEYWARD_TOKEN: `kwt_${'A'.repeat(50)}` });
    expect([refused.code, refused.stderr]).toEqual([3, expect.stringContaining('refused: UNAUTHENTICATED')]);
    const forbidden = await cli(['export', '--kind', 'usage', '--user', 'nobody@fabrikam.example']);
    expect(forbidden.code).toBe(3);
    const unreachable = await cli(['alerts'], { KEYWARD_URL: 'http://127.0.0.1:9', KEYWARD_TOKEN: token });
    expect([unreachable.code, unreachable.stderr]).toEqual([4, expect.stringContaining('cannot reach')]);
    for (const answer of [missing, refused, forbidden, unreachable]) expect(answer.stderr).not.toMatch(/\n\s+at /);
  });

  const responderEnv = () => ({ KEYWARD_URL: keyward.baseUrl, KEYWARD_TOKEN: responderToken });

  it('given three app passwords, when revoke previews them with --dry-run, then it counts them and changes nothing; without --yes and no terminal it asks nothing and changes nothing; with --yes it revokes them as a case', async () => {
    // given
    const carol = await createUser(admin, 'carol@contoso.example');
    const secrets = [];
    for (const label of ['Phone', 'Laptop', 'Tablet']) secrets.push((await generate(admin, carol.id, label)).secret);
    const filter = JSON.stringify({ userId: carol.id });
    const args = ['revoke', '--filter', filter, '--reason', 'Laptop stolen', '--incident', 'INC-7'];
    // when: a preview
    const preview = await cli([...args, '--dry-run', '--json'], responderEnv());
    // then
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({ dryRun: true, status: 'DRY_RUN', matched: 3, usersAffected: 1 });
    expect((await verify(keyward.baseUrl, 'carol@contoso.example', secrets[0])).status).toBe(204);
    // when: no --yes, and no terminal to ask on
    const unasked = await cli(args, responderEnv());
    expect([unasked.code, unasked.stderr]).toEqual([2, expect.stringContaining('not confirmed; nothing changed')]);
    expect((await verify(keyward.baseUrl, 'carol@contoso.example', secrets[0])).status).toBe(204);
    // when: --yes
    const done = await cli([...args, '--yes', '--json'], responderEnv());
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'COMPLETED', matched: 3, revoked: 3, failed: 0 });
    for (const secret of secrets) expect((await verify(keyward.baseUrl, 'carol@contoso.example', secret)).status).toBe(401);
    // and an auditor's token may not, nor may a filter that is no JSON object
    expect((await cli([...args, '--yes'])).code).toBe(3);
    expect((await cli(['revoke', '--filter', '[1]', '--reason', 'x', '--incident', 'y'], responderEnv())).code).toBe(2);
    expect((await cli(['revoke', '--filter', filter], responderEnv())).code).toBe(2);
  });

  it('given a file with a leaked app password in it, when scan-leaks scans it, then it names the credential; with --revoke --yes it revokes the proven active ones', async () => {
    // given
    const dave = await createUser(admin, 'dave@contoso.example');
    const { secret } = await generate(admin, dave.id, 'Pasted in a ticket');
    const file = join(work, 'paste.txt');
    writeFileSync(file, `build log\nSMTP_PASSWORD=${secret}\nmore log lines\n`.repeat(3));
    // when
    const scan = await cli(['scan-leaks', file, '--json'], responderEnv());
    // then
    expect(scan.code).toBe(0);
    const found = JSON.parse(scan.stdout);
    expect(found.matches).toEqual([expect.objectContaining({ proven: true, appPassword: expect.objectContaining({ label: 'Pasted in a ticket', status: 'ACTIVE' }) })]);
    expect(scan.stdout).not.toContain(secret);
    // when: revoked
    const revoked = await cli(['scan-leaks', file, '--revoke', '--reason', 'Found in a ticket', '--incident', 'INC-8', '--yes'], responderEnv());
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/COMPLETED case \S+: 1 revoked/);
    expect((await verify(keyward.baseUrl, 'dave@contoso.example', secret)).status).toBe(401);
    // and a file that is not there, or --revoke without a reason
    expect((await cli(['scan-leaks', join(work, 'missing.txt')], responderEnv())).code).toBe(2);
    expect((await cli(['scan-leaks', file, '--revoke'], responderEnv())).code).toBe(2);
  });
});
