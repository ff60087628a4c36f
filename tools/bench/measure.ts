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

/** A markdown row: candidate, baseline, their ratio, and how it compares with the goal (if one is set). */
export function formatRow(name: string, candidate: number, baseline: number, goal: number | null, unit = 'ops/s'): string {
  const ratio = candidate / baseline;
  const verdict = goal === null ? '—' : `≥ ${goal} (${ratio >= goal ? 'meets' : 'below'})`;
  return `| ${name} | ${candidate.toFixed(0)} ${unit} | ${baseline.toFixed(0)} ${unit} | ${ratio.toFixed(2)} | ${verdict} |`;
}
