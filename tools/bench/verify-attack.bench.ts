import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN_PASSWORD, basic, ConsoleClient, createUser, generate, KeywardProcess, ROOT, sendOver, unboundedAgent } from '@keyward/e2e/support';
import type { GuesserCounts } from './verify-attack-guessers';

const GUESSERS = join(__dirname, 'verify-attack-guessers.ts');

export interface AttackFigures {
  /** The victim's sign-ins with no attack: latency percentiles in ms, and how many. */
  alone: { p50: number; p99: number; count: number };
  /** The same, while `loops` guessers guess made-up names of another tenant as fast as answered. */
  attacked: { p50: number; p99: number; count: number };
  /** What the guesses got: checked (401) and refused (503 shed, or 429 throttled), per second. */
  guesses: { checkedPerSecond: number; refusedPerSecond: number };
}

const agent = unboundedAgent();

async function get(baseUrl: string, user: string, password: string, address: string): Promise<number> {
  return (await sendOver(agent, `${baseUrl}/verify`, { headers: { authorization: basic(user, password), 'x-keyward-protocol': 'imap', 'x-forwarded-for': address } })).status;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** `loops` guessers for `seconds`, in a process of their own (verify-attack-guessers.ts). */
function guessers(baseUrl: string, loops: number, seconds: number): Promise<GuesserCounts> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', GUESSERS, baseUrl, String(loops), String(seconds)], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop() ?? '{}') as GuesserCounts) : reject(new Error(`the guessers exited with ${code}`))));
  });
}

/**
 * A victim's cold sign-ins (one argon2 check each: the warm path is off) in one tenant, alone and
 * while `loops` concurrent guessers guess made-up names in another tenant from 250 addresses, in
 * alternating rounds so that the machine's noise hits both alike. The victim signs in one after
 * the other, as a mail client does; the guessers run in a process of their own, as attackers do.
 */
export async function benchVerifyUnderAttack(loops: number, seconds: number, rounds: number): Promise<AttackFigures> {
  const keyward = await new KeywardProcess({ domains: 'contoso.example,fabrikam.example', env: { KEYWARD_LOG_LEVEL: 'error', KEYWARD_VERIFY_CACHE_SECONDS: '0' } }).start();
  try {
    const admin = new ConsoleClient(keyward.baseUrl);
    await admin.signIn('admin@fabrikam.example', ADMIN_PASSWORD);
    const victim = await createUser(admin, 'victim@fabrikam.example');
    const { secret } = await generate(admin, victim.id, 'Phone');
    const alone: number[] = [];
    const attacked: number[] = [];
    let checked = 0;
    let refused = 0;
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
      const attack = guessers(keyward.baseUrl, loops, seconds + 1);
      // (a second for the guessers' process to start and reach full speed)
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await victimFor(attacked, performance.now() + seconds * 1000);
      const counts = await attack;
      checked += counts.checked;
      refused += counts.refused;
      attackSeconds += seconds + 1;
    }
    const summary = (latencies: number[]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), count: sorted.length };
    };
    return { alone: summary(alone), attacked: summary(attacked), guesses: { checkedPerSecond: checked / attackSeconds, refusedPerSecond: refused / attackSeconds } };
  } finally {
    agent.destroy();
    await keyward.stop();
    keyward.removeData();
  }
}
