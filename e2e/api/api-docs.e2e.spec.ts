import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD, ConsoleClient, createUser, eventually, generate, KeywardProcess, verify } from '@keyward/e2e/support';

const run = promisify(execFile);
const DOC = join(__dirname, '../../docs/api.md');

/** The `sh` blocks of docs/api.md's "Three jobs" section, in order: what a reader copies. */
function jobScripts(): string[] {
  const section = readFileSync(DOC, 'utf8').split('## Three jobs people automate')[1] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map(([, code]) => code);
}

// docs/api.md's scripts, run as written with bash, curl and jq against a real Keyward with a real
// API token: the nightly usage export, revoke by query (preview, then exactly that), and alerts.
describe('the scripts of docs/api.md', () => {
  const keyward = new KeywardProcess();
  const work = mkdtempSync(join(tmpdir(), 'keyward-api-docs-'));
  let admin: ConsoleClient;
  let token: string;
  let secret: string;
  let appPasswordId: string;

  beforeAll(async () => {
    await keyward.start();
    admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const alice = await createUser(admin, 'alice@contoso.example');
    ({ secret, appPassword: { id: appPasswordId } } = await generate(admin, alice.id, 'Thunderbird'));
    // A use from the address the incident names (loopback is a trusted proxy by default).
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secret, { 'X-Forwarded-For': '203.0.113.5' })).status).toBe(204);
    const created = await admin.data('mutation { createApiToken(input: { name: "docs", role: GLOBAL_ADMIN }) { token } }');
    token = created['createApiToken'].token;
  });
  afterAll(async () => {
    await keyward.stop();
    keyward.removeData();
    rmSync(work, { recursive: true, force: true });
  });

  const bash = (script: string) => run('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, env: { ...process.env, KEYWARD_URL: keyward.baseUrl, KEYWARD_TOKEN: token } });

  it('has the three jobs, each a script', () => {
    expect(jobScripts()).toHaveLength(3);
  });

  it('job 1: the nightly usage export writes a signed bundle', async () => {
    await bash(jobScripts()[0]);
    const [file] = readdirSync(work).filter((name) => name.startsWith('usage-') && name.endsWith('.zip'));
    expect(statSync(join(work, file)).size).toBeGreaterThan(500);
  });

  it('job 2: revoke by query previews, then revokes exactly what the preview matched', async () => {
    const { stdout } = await bash(jobScripts()[1]);
    expect(JSON.parse(stdout).data.revokeAppPasswords).toMatchObject({ matched: 1 });
    await eventually(async () => ((await admin.data(`{ appPassword(id: "${appPasswordId}") { status } }`))['appPassword'].status === 'REVOKED' ? true : undefined));
  });

  it('job 3: pulls the alert a revoked credential in use raised', async () => {
    expect((await verify(keyward.baseUrl, 'alice@contoso.example', secret)).status).toBe(401);
    const lines = await eventually(async () => {
      // (job 3 uses the `q` function job 2 defines, as a reader running both would)
      const { stdout } = await bash(`${jobScripts()[1].split('REVOKE=')[0]}\n${jobScripts()[2]}`);
      const found = stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
      return found.length > 0 ? found : undefined;
    });
    expect(lines[0]).toMatchObject({ kind: 'REVOKED_CREDENTIAL_USED', severity: 'HIGH' });
  });
});
