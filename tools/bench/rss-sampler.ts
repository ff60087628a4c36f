import { readFileSync } from 'node:fs';

/** Resident memory of a process over a stretch of time, in bytes. */
export interface RssFigures {
  /** The first sample, taken when sampling started. */
  readonly startBytes: number;
  readonly peakBytes: number;
  readonly samples: number;
  /** The peak over the last half of the stretch: about the peak when memory is flat, well above the first half's when it grows with the work. */
  readonly lastHalfPeakBytes: number;
  readonly firstHalfPeakBytes: number;
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
  private readonly samples: number[] = [];
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
    const half = Math.ceil(this.samples.length / 2);
    const peak = (samples: number[]) => samples.reduce((most, bytes) => Math.max(most, bytes), 0);
    return {
      startBytes: this.samples[0] ?? 0,
      peakBytes: peak(this.samples),
      samples: this.samples.length,
      firstHalfPeakBytes: peak(this.samples.slice(0, half)),
      lastHalfPeakBytes: peak(this.samples.slice(half)),
    };
  }

  private sample(): void {
    const bytes = statusBytes(this.pid);
    if (bytes !== null) this.samples.push(bytes);
  }
}
