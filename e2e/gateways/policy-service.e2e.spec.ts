import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_DOCS } from '@keyward/e2e/support';

const SCRIPT = join(GATEWAY_DOCS, 'postfix/keyward-policy.py');

/** A policy request as Postfix's smtpd sends it (a subset of its attributes). */
function policyRequest(attributes: Record<string, string>): string {
  const all = { request: 'smtpd_access_policy', protocol_state: 'DATA', protocol_name: 'ESMTP', client_port: '50123', ...attributes };
  return `${Object.entries(all).map(([name, value]) => `${name}=${value}`).join('\n')}\n\n`;
}

const SIGNED_IN = { sasl_username: 'lea@contoso.example', client_address: '192.0.2.10', helo_name: 'scanner-3f.contoso.example' };

// docs/gateways/postfix/keyward-policy.py run as Postfix's spawn(8) runs it: a policy connection on
// its standard input and output. Keyward is played by a local HTTP server (a test double: what
// Keyward does with a report is tested in e2e/api/verification), so that its answers can fail.
describe("the Postfix policy service that reports a client's EHLO name", () => {
  let dir: string;
  let server: Server;
  let answer = 204;
  const reports: { headers: IncomingHttpHeaders; url: string; body: unknown }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-policy-'));
    writeFileSync(join(dir, 'token'), 'the-gateway-token-of-this-mail-host\n', { mode: 0o400 });
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        reports.push({ headers: request.headers, url: request.url ?? '', body: JSON.parse(body) });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    reports.length = 0;
    answer = 204;
  });

  /** Runs the script over one policy connection with these requests; its output and log. */
  function converse(requests: string[], url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`): Promise<{ stdout: string; stderr: string; code: number | null }> {
    return new Promise((resolve) => {
      const child = spawn('python3', [SCRIPT, url, join(dir, 'token'), '2']);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ stdout, stderr, code }));
      child.stdin.end(requests.join(''));
    });
  }

  it('given a signed-in session, when Postfix asks, then it answers DUNNO and reports the EHLO name, user and address with the token', async () => {
    const { stdout, code } = await converse([policyRequest(SIGNED_IN)]);
    expect(stdout).toBe('action=DUNNO\n\n');
    expect(code).toBe(0);
    expect(reports).toEqual([
      {
        url: '/verify/client',
        headers: expect.objectContaining({ 'x-keyward-gateway-token': 'the-gateway-token-of-this-mail-host', 'content-type': 'application/json' }),
        body: { userPrincipalName: 'lea@contoso.example', clientIp: '192.0.2.10', client: 'scanner-3f.contoso.example', protocol: 'smtp' },
      },
    ]);
  });

  it('given a session that did not sign in, or sent no EHLO name, when Postfix asks, then it answers DUNNO and reports nothing', async () => {
    const { stdout } = await converse([policyRequest({ ...SIGNED_IN, sasl_username: '' }), policyRequest({ ...SIGNED_IN, helo_name: '' })]);
    expect(stdout).toBe('action=DUNNO\n\naction=DUNNO\n\n');
    expect(reports).toEqual([]);
  });

  it('given a session that sends two messages, when Postfix asks for each, then it reports once', async () => {
    const { stdout } = await converse([policyRequest(SIGNED_IN), policyRequest(SIGNED_IN), policyRequest({ ...SIGNED_IN, client_port: '50124' })]);
    expect(stdout).toBe('action=DUNNO\n\n'.repeat(3));
    expect(reports).toHaveLength(2);
  });

  it.each([
    ['answers 404 (nothing to name)', 404, ''],
    ['answers 403 (a wrong token)', 403, 'Keyward answered 403'],
    ['answers 500', 500, 'Keyward answered 500'],
  ])('given Keyward %s, when Postfix asks, then the mail still goes (DUNNO) and the log names any failure', async (_, status, logged) => {
    answer = status;
    const { stdout, stderr } = await converse([policyRequest(SIGNED_IN)]);
    expect(stdout).toBe('action=DUNNO\n\n');
    if (logged) expect(stderr).toContain(logged);
    else expect(stderr).toBe('');
  });

  it('given Keyward unreachable, when Postfix asks, then the mail still goes (DUNNO) and the log says so', async () => {
    const { stdout, stderr } = await converse([policyRequest(SIGNED_IN)], 'http://127.0.0.1:9');
    expect(stdout).toBe('action=DUNNO\n\n');
    expect(stderr).toMatch(/Keyward unreachable/);
  });
});
