import autocannon from 'autocannon';
import * as argon2 from 'argon2';
import { ADMIN_PASSWORD, basic, ConsoleClient, createUser, generate, KeywardProcess } from '@keyward/e2e/support';
import { hashSecret } from '@keyward/shared/security';
import { throughput } from './measure';

export interface VerifyFigures {
  verifyPerSecond: number;
  argon2PerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/**
 * `GET /verify` of a real Keyward process (one argon2id check, two stream reads and one durable
 * append per request) against raw argon2id verification at the same parameters in this process,
 * both with the same concurrency. Rounds alternate so that noise hits both alike.
 */
export async function benchVerify(concurrency: number, seconds: number, rounds: number): Promise<VerifyFigures> {
  const keyward = await new KeywardProcess({ env: { KEYWARD_LOG_LEVEL: 'warn' } }).start();
  try {
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const user = await createUser(admin, 'bench@contoso.example');
    const { secret } = await generate(admin, user.id, 'bench');
    const secretPart = secret.replace(/ /g, '').slice(12, 30);
    const hash = await hashSecret(secretPart);
    const figures: VerifyFigures = { verifyPerSecond: 0, argon2PerSecond: 0, p50Ms: 0, p99Ms: 0, failures: 0 };
    for (let round = 0; round < rounds; round++) {
      figures.argon2PerSecond += (await throughput(() => argon2.verify(hash, secretPart), concurrency, seconds)) / rounds;
      const result = await autocannon({
        url: `${keyward.baseUrl}/verify`,
        connections: concurrency,
        duration: seconds,
        headers: { authorization: basic('bench@contoso.example', secret), 'x-keyward-protocol': 'imap' },
      });
      figures.verifyPerSecond += result.requests.average / rounds;
      figures.p50Ms += result.latency.p50 / rounds;
      figures.p99Ms += result.latency.p99 / rounds;
      figures.failures += result.non2xx + result.errors;
    }
    return figures;
  } finally {
    await keyward.stop();
    keyward.removeData();
  }
}
