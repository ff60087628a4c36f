import { performance } from 'node:perf_hooks';
import { ADMIN_PASSWORD, basic, ConsoleClient, createUser, generate, KeywardProcess, sendOver, unboundedAgent } from '@keyward/e2e/support';

export interface AttackFigures {
  /** The victim's sign-ins with no attack: latency percentiles in ms, and how many. */
  alone: { p50: number; p99: number; count: number };
  /** The same, while `guessers` loops guess made-up names of another tenant as fast as answered. */
  attacked: { p50: number; p99: number; count: number };
  /** What the guesses got: checked (401) and shed (503), per second. */
  guesses: { checkedPerSecond: number; shedPerSecond: number };
}

const agent = unboundedAgent();

async function get(baseUrl: string, user: string, password: string, address: string): Promise<number> {
  return (await sendOver(agent, `${baseUrl}/verify`, { headers: { authorization: basic(user, password), 'x-keyward-protocol': 'imap', 'x-forwarded-for': address } })).status;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * A victim's cold sign-ins (one argon2 check each: the warm path is off) in one tenant, alone and
 * while `guessers` concurrent loops guess made-up names in another tenant from 250 addresses, in
 * alternating rounds so that the machine's noise hits both alike. The victim signs in one after
 * the other, as a mail client does.
 */
export async function benchVerifyUnderAttack(guessers: number, seconds: number, rounds: number): Promise<AttackFigures> {
  const keyward = await new KeywardProcess({ domains: 'contoso.example,fabrikam.example', env: { KEYWARD_LOG_LEVEL: 'error', KEYWARD_VERIFY_CACHE_SECONDS: '0' } }).start();
  try {
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const victim = await createUser(admin, 'victim@fabrikam.example');
    const { secret } = await generate(admin, victim.id, 'Phone');
    const alone: number[] = [];
    const attacked: number[] = [];
    let checked = 0;
    let shed = 0;
    let attackSeconds = 0;
    const victimFor = async (into: number[], until: number) => {
      while (performance.now() < until) {
        const started = performance.now();
        const status = await get(keyward.baseUrl, 'victim@fabrikam.example', secret, '192.0.2.50');
        if (status !== 204) throw new Error(`the victim's sign-in answered ${status}`);
        into.push(performance.now() - started);
      }
    };
    for (let round = 0; round < rounds; round++) {
      await victimFor(alone, performance.now() + seconds * 1000);
      const until = performance.now() + seconds * 1000;
      let guess = 0;
      const attack = Array.from({ length: guessers }, async () => {
        while (performance.now() < until) {
          const n = guess++;
          const status = await get(keyward.baseUrl, `nobody${n}@contoso.example`, `kw${'x'.repeat(30)}`, `198.51.100.${n % 250}`);
          if (status === 503) shed++;
          else checked++;
        }
      });
      await victimFor(attacked, until);
      await Promise.all(attack);
      attackSeconds += seconds;
    }
    const summary = (latencies: number[]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: sorted.length };
    };
    return { alone: summary(alone), attacked: summary(attacked), guesses: { checkedPerSecond: checked / attackSeconds, shedPerSecond: shed / attackSeconds } };
  } finally {
    agent.destroy();
    await keyward.stop();
    keyward.removeData();
  }
}
