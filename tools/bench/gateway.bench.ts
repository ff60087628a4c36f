import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN_PASSWORD, ConsoleClient, createUser, Dovecot, freePort, generate, KeywardProcess, makeTestCertificates, newGatewayToken } from '@keyward/e2e/support';
import { imapLogin } from './imap-login';

export interface LatencyFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

async function measure(operation: () => Promise<boolean>, concurrency: number, count: number): Promise<LatencyFigures> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const t = performance.now();
        if (!(await operation())) failures++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), failures };
}

/**
 * The cost of the Dovecot hop: `count` IMAP logins (a TLS connection to the imaps port, LOGIN,
 * LOGOUT; `concurrency` at a time) through Dovecot's Lua passdb, against the same number of
 * direct `POST /verify` calls, both against one Keyward process, in alternating rounds. Dovecot
 * runs docs/gateways/dovecot as documented; no Postfix (nothing is submitted).
 */
export async function benchGatewayHop(concurrency: number, count: number, rounds: number) {
  const [keywardPort, imap, imaps, pop3, pop3s, lmtp, doveadm] = await Promise.all(Array.from({ length: 7 }, () => freePort()));
  const scratch = mkdtempSync(join(tmpdir(), 'keyward-bench-gateway-'));
  const tls = makeTestCertificates(scratch);
  const gatewayToken = newGatewayToken();
  const wiring = { tls, gatewayToken, postfixQueueDir: join(scratch, 'postfix-queue') };
  const dovecot = await new Dovecot({ imap, imaps, pop3, pop3s, lmtp, doveadm }, `http://127.0.0.1:${keywardPort}`, wiring).start();
  const keyward = await new KeywardProcess({ port: keywardPort, env: { KEYWARD_LOG_LEVEL: 'warn', KEYWARD_GATEWAY_TOKENS: `dovecot:${gatewayToken}` } }).start();
  try {
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const user = await createUser(admin, 'bench-imap@contoso.example');
    const { secret } = await generate(admin, user.id, 'bench');
    const direct = () =>
      fetch(`${keyward.baseUrl}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userPrincipalName: 'bench-imap@contoso.example', password: secret, protocol: 'imap' }),
      }).then((response) => response.status === 204);
    const server = { name: tls.serverName, ca: readFileSync(tls.caFile) };
    const throughDovecot = () => imapLogin(imaps, server, 'bench-imap@contoso.example', secret);
    const sum = { direct: [] as LatencyFigures[], dovecot: [] as LatencyFigures[] };
    for (let round = 0; round < rounds; round++) {
      sum.direct.push(await measure(direct, concurrency, count));
      sum.dovecot.push(await measure(throughDovecot, concurrency, count));
    }
    const mean = (list: LatencyFigures[]): LatencyFigures => ({
      perSecond: list.reduce((a, f) => a + f.perSecond, 0) / list.length,
      p50Ms: list.reduce((a, f) => a + f.p50Ms, 0) / list.length,
      p99Ms: list.reduce((a, f) => a + f.p99Ms, 0) / list.length,
      failures: list.reduce((a, f) => a + f.failures, 0),
    });
    return { direct: mean(sum.direct), dovecot: mean(sum.dovecot) };
  } finally {
    await keyward.stop();
    keyward.removeData();
    await dovecot.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
