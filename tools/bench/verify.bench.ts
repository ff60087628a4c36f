import autocannon from 'autocannon';
import * as argon2 from 'argon2';
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ADMIN_PASSWORD, basic, ConsoleClient, createUser, freePort, generate, KeywardProcess } from '@keyward/e2e/support';
import { hashSecret } from '@keyward/shared/security';
import { throughput } from './measure';

export interface RateFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export interface VerifyFigures {
  /** GET /verify with a secret that passed argon2 moments ago (the warm path). */
  warm: RateFigures;
  /**
   * A bare node:http server answering 204 in the load generator's own process, same client, same
   * concurrency: the baseline the issue measured (4,500/s then).
   */
  bare: RateFigures;
  /** The same bare server in a process of its own, for context: what HTTP alone costs here. */
  bareAlone: RateFigures;
  /** GET /verify with the warm path off (KEYWARD_VERIFY_CACHE_SECONDS=0): one argon2 check each. */
  cold: RateFigures;
  /** argon2id verify at the same parameters, in this process, same concurrency. */
  argon2PerSecond: number;
}

const LOG_QUIET = { KEYWARD_LOG_LEVEL: 'warn' };

/**
 * Verification against its two baselines, in alternating rounds so that noise hits both alike:
 * warm `GET /verify` (real Keyward process: two stream reads, one durable append, no argon2)
 * against a bare node:http server answering 204 to the same autocannon client (in the client's
 * process, as the issue measured it; the same server in its own process is reported beside it);
 * cold `GET /verify` (the warm path switched off) against raw argon2id verification at the same
 * parameters.
 */
export async function benchVerify(concurrency: number, seconds: number, rounds: number): Promise<VerifyFigures> {
  const warmKeyward = await new KeywardProcess({ env: LOG_QUIET }).start();
  const coldKeyward = await new KeywardProcess({ env: { ...LOG_QUIET, KEYWARD_VERIFY_CACHE_SECONDS: '0' } }).start();
  const barePort = await freePort();
  const bare = fork(join(__dirname, 'bare-server.js'), [String(barePort)]);
  await new Promise((resolve) => bare.once('message', resolve));
  const inProcess = createServer((_request, response) => {
    response.statusCode = 204;
    response.end();
  });
  const inProcessPort = await freePort();
  await new Promise<void>((resolve) => inProcess.listen(inProcessPort, '127.0.0.1', resolve));
  try {
    const warm = await credentialOn(warmKeyward);
    const cold = await credentialOn(coldKeyward);
    const secretPart = cold.secret.replace(/ /g, '').slice(12, 30);
    const hash = await hashSecret(secretPart);
    const figures: VerifyFigures = { warm: empty(), bare: empty(), bareAlone: empty(), cold: empty(), argon2PerSecond: 0 };
    for (let round = 0; round < rounds; round++) {
      add(figures.bare, await load(`http://127.0.0.1:${inProcessPort}/`, {}, concurrency, seconds), rounds);
      add(figures.bareAlone, await load(`http://127.0.0.1:${barePort}/`, {}, concurrency, seconds), rounds);
      add(figures.warm, await load(`${warmKeyward.baseUrl}/verify`, warm.headers, concurrency, seconds), rounds);
      figures.argon2PerSecond += (await throughput(() => argon2.verify(hash, secretPart), concurrency, seconds)) / rounds;
      add(figures.cold, await load(`${coldKeyward.baseUrl}/verify`, cold.headers, concurrency, seconds), rounds);
    }
    return figures;
  } finally {
    bare.kill();
    inProcess.close();
    for (const keyward of [warmKeyward, coldKeyward]) {
      await keyward.stop();
      keyward.removeData();
    }
  }
}

async function credentialOn(keyward: KeywardProcess): Promise<{ secret: string; headers: Record<string, string> }> {
  const admin = new ConsoleClient(keyward.baseUrl);
  await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
  const user = await createUser(admin, 'bench@contoso.example');
  const { secret } = await generate(admin, user.id, 'bench');
  return { secret, headers: { authorization: basic('bench@contoso.example', secret), 'x-keyward-protocol': 'imap' } };
}

async function load(url: string, headers: Record<string, string>, connections: number, duration: number): Promise<RateFigures> {
  const result = await autocannon({ url, connections, duration, headers });
  return { perSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, failures: result.non2xx + result.errors };
}

function empty(): RateFigures {
  return { perSecond: 0, p50Ms: 0, p99Ms: 0, failures: 0 };
}

function add(total: RateFigures, round: RateFigures, rounds: number): void {
  total.perSecond += round.perSecond / rounds;
  total.p50Ms += round.p50Ms / rounds;
  total.p99Ms += round.p99Ms / rounds;
  total.failures += round.failures;
}
