import { readFileSync } from 'node:fs';

/** Resident memory of a process over a stretch of time, in bytes. */
export interface RssFigures {
  /** The first sample, taken when sampling started. */
  readonly startBytes: number;
  readonly peakBytes: number;
  readonly samples: number;
}

/** A process's VmRSS (or another /proc/<pid>/status field given in kB), in bytes; null once the process is gone. */
export function statusBytes(pid: number, field = 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Samples a process's VmRSS from /proc/<pid>/status every `intervalMs` (100 ms) until stopped:
 * the peak of what the process held while it worked, whoever it is (a child we spawned, or the
 * server), with no cooperation from it.
 */
export class RssSampler {
  private peak = 0;
  private first: number | null = null;
  private count = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): RssFigures {
    clearInterval(this.timer);
    this.sample();
    return { startBytes: this.first ?? 0, peakBytes: this.peak, samples: this.count };
  }

  private sample(): void {
    const bytes = statusBytes(this.pid);
    if (bytes === null) return;
    this.first ??= bytes;
    this.peak = Math.max(this.peak, bytes);
    this.count++;
  }
}
