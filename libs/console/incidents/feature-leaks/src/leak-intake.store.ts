import { computed, DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { LeaksApi, leakScanErrorMessage } from '@keyward/console/incidents/data-access';
import { byUrgency, uploadProblem, type LeakScan } from '@keyward/console/incidents/util';

/** How often the clock of a running scan moves on (a second). */
export const SCAN_CLOCK_MS = new InjectionToken<number>('SCAN_CLOCK_MS', { factory: () => 1000 });

/** What a running scan reads: the pasted text, or a file by its name and size. */
export type ScanSource = { kind: 'paste' } | { kind: 'file'; name: string; size: number };

/**
 * One scan for leaked app passwords at a time, of pasted text or a file: what runs and for how
 * long (an argon2 check per candidate can take tens of seconds), then what it found, or why it
 * was refused in plain words. Neither the text nor a secret is kept: the scan has none.
 */
@Injectable()
export class LeakIntakeStore {
  private readonly api = inject(LeaksApi);
  private readonly clockMs = inject(SCAN_CLOCK_MS);
  private clock: ReturnType<typeof setInterval> | null = null;

  /** The last scan's result; null before one, and while another runs. */
  readonly scan = signal<LeakScan | null>(null);
  /** What is being scanned; null when nothing is. */
  readonly running = signal<ScanSource | null>(null);
  /** Seconds the running scan has taken so far. */
  readonly seconds = signal(0);
  /** Why the last scan failed, or ''. */
  readonly error = signal('');
  /** The matches, proven and active first. */
  readonly matches = computed(() => byUrgency(this.scan()?.matches ?? []));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopClock());
  }

  /** Scans pasted text; true when it was scanned (the page may then forget the text). */
  scanText(text: string): Promise<boolean> {
    return this.run({ kind: 'paste' }, () => this.api.scanText(text));
  }

  /** Scans a file of UTF-8 text; one over 20 MB, or empty, is refused before it is sent. */
  scanFile(file: File): Promise<boolean> {
    const problem = uploadProblem(file.size);
    if (problem) {
      this.error.set(problem);
      return Promise.resolve(false);
    }
    return this.run({ kind: 'file', name: file.name, size: file.size }, () => this.api.scanFile(file));
  }

  private async run(source: ScanSource, scan: () => Promise<LeakScan>): Promise<boolean> {
    if (this.running()) return false;
    this.scan.set(null);
    this.error.set('');
    this.running.set(source);
    this.startClock();
    try {
      this.scan.set(await scan());
      return true;
    } catch (error) {
      this.error.set(leakScanErrorMessage(error));
      return false;
    } finally {
      this.stopClock();
      this.running.set(null);
    }
  }

  private startClock(): void {
    this.seconds.set(0);
    this.clock = setInterval(() => this.seconds.update((seconds) => seconds + 1), this.clockMs);
  }

  private stopClock(): void {
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
  }
}
