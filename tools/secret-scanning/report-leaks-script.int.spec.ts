import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { groupForDisplay, newAppPasswordSecret } from '@keyward/app-passwords/domain';
import { RULES_DIR } from './shipped-rules';

const SCRIPT = join(RULES_DIR, 'report-leaks.sh');

/** Runs docs/secret-scanning/report-leaks.sh with `input` on standard input. */
function run(baseUrl: string, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('bash', [SCRIPT, baseUrl], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    child.stdin?.end(input);
  });
}

// The script that feeds a scanner's findings to POST /leaks, against a stand-in for Keyward that
// records what it is sent. Needs bash, jq and curl (tools/test/ensure-system-packages.sh).
describe('report-leaks.sh: a scanner’s findings to POST /leaks', () => {
  let server: Server;
  let baseUrl = '';
  const received: { path: string; type: string; body: { appPasswords: string[] } }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', type: request.headers['content-type'] ?? '', body: JSON.parse(body) });
        response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ received: JSON.parse(body).appPasswords.length }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (received.length = 0));

  it('sends every app password of a gitleaks report once, 1,000 to a request, and nothing else', async () => {
    const passwords = Array.from({ length: 1500 }, () => newAppPasswordSecret(randomBytes).password);
    const findings = [
      ...passwords.map((password, index) => ({ RuleID: 'keyward-app-password', Secret: index % 2 ? groupForDisplay(password) : password, File: 'a.txt' })),
      { RuleID: 'keyward-app-password', Secret: passwords[0], File: 'b.txt' },
      { RuleID: 'aws-access-token', Secret: 'AKIAIOSFODNN7EXAMPLE', File: 'c.txt' },
    ];
    const result = await run(baseUrl, JSON.stringify(findings));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(received.map((request) => [request.path, request.type])).toEqual([
      ['/leaks', 'application/json'],
      ['/leaks', 'application/json'],
    ]);
    const sent = received.flatMap((request) => request.body.appPasswords);
    expect(received.map((request) => request.body.appPasswords.length)).toEqual([1000, 500]);
    expect(new Set(sent).size).toBe(1500);
    expect(sent.map((entry) => entry.replace(/ /g, '')).sort()).toEqual([...passwords].sort());
    expect(result.stdout.trim().split('\n')).toEqual(['{"received":1000}', '{"received":500}']);
  });

  it('reads trufflehog’s JSON lines (the password in Raw) the same way', async () => {
    const [a, b] = [newAppPasswordSecret(randomBytes).password, newAppPasswordSecret(randomBytes).password];
    const lines = [
      { DetectorName: 'KeywardAppPassword', Raw: a, Verified: false },
      { DetectorName: 'KeywardAppPassword', Raw: b.toUpperCase(), Verified: false },
      { DetectorName: 'AWS', Raw: 'AKIAIOSFODNN7EXAMPLE', Verified: false },
    ];
    expect(await run(baseUrl, lines.map((line) => JSON.stringify(line)).join('\n'))).toMatchObject({ code: 0 });
    expect(received.map((request) => request.body.appPasswords.sort())).toEqual([[a, b.toUpperCase()].sort()]);
  });

  it('sends nothing when nothing was found', async () => {
    expect(await run(baseUrl, '[]')).toMatchObject({ code: 0, stdout: '' });
    expect(received).toEqual([]);
  });
});
