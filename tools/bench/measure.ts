import { performance } from 'node:perf_hooks';

/** Runs `operation` with `concurrency` workers for `seconds`; returns operations per second. */
export async function throughput(operation: () => Promise<unknown>, concurrency: number, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await operation();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** Runs `operation` `count` times, one after the other; returns operations per second. */
export async function sequentialRate(operation: (i: number) => unknown, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await operation(i);
  return count / ((performance.now() - started) / 1000);
}

export function formatRow(name: string, candidate: number, baseline: number, goal: number, unit = 'ops/s'): string {
  const ratio = candidate / baseline;
  const verdict = ratio >= goal ? 'meets' : 'below';
  return `| ${name} | ${candidate.toFixed(0)} ${unit} | ${baseline.toFixed(0)} ${unit} | ${ratio.toFixed(2)} | ≥ ${goal} (${verdict}) |`;
}
