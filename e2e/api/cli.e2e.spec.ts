import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, generate, KeywardProcess, OFFLINE_VERIFIER, publishedKeys, REVOKE, verify, verifyOffline } from '@keyward/e2e/support';

const run = promisify(execFile);

// The CLI's API jobs (dist/tools/keyward.mjs alerts | export), run as a user would, with plain
// node, KEYWARD_URL and KEYWARD_TOKEN, against a real Keyward: alerts as JSON lines, a signed
// bundle that the same file then verifies offline, and clear exit codes when it cannot.
describe('the CLI: alerts and export', () => {
  const keyward = new KeywardProcess();
  const work = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
  let token: string;

  beforeAll(async () => {
    await keyward.start();
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
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
});
