// The guessers of `npm run bench -- --verify-attack`, in a process of their own so that the
// victim's timings (taken in the parent) are the server's answer, not the wait for a client event
// loop busy with thousands of guesses. `node -r @swc-node/register verify-attack-guessers.ts URL
// LOOPS SECONDS` prints one JSON line: the guesses checked (401) and shed or throttled (503, 429).
import { performance } from 'node:perf_hooks';
import { basic, sendOver, unboundedAgent } from '@keyward/e2e/support';

export interface GuesserCounts {
  readonly checked: number;
  readonly refused: number;
}

async function main(): Promise<void> {
  const [baseUrl, loops, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const agent = unboundedAgent();
  const until = performance.now() + seconds * 1000;
  let guess = 0;
  const counts = { checked: 0, refused: 0 };
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (performance.now() < until) {
        const n = guess++;
        const { status } = await sendOver(agent, `${baseUrl}/verify`, {
          headers: { authorization: basic(`nobody${n}@contoso.example`, `kw${'x'.repeat(30)}`), 'x-keyward-protocol': 'imap', 'x-forwarded-for': `198.51.100.${n % 250}` },
        });
        if (status === 401) counts.checked++;
        else counts.refused++;
      }
    }),
  );
  agent.destroy();
  process.stdout.write(`${JSON.stringify(counts satisfies GuesserCounts)}\n`);
}

void main();
