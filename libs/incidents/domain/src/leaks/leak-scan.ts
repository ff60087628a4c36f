import { assertUnreachable, badInput, conflict } from '@keyward/shared/domain';
import type { LeakScanEvent, LeakScanSource } from './leak-scan.events';

/** One of the tenant's credentials found in scanned text, and whether its secret verified. */
export interface LeakFinding {
  readonly appPasswordId: string;
  readonly isProven: boolean;
}

export type RecordLeakScan = {
  type: 'RecordLeakScan';
  data: {
    scanId: string;
    tenantId: string;
    scannedBy: string;
    source: LeakScanSource;
    now: Date;
    candidates: number;
    findings: readonly LeakFinding[];
  };
};
export type LeakScanCommand = RecordLeakScan;

export type LeakScan = { status: 'none' } | { status: 'recorded'; scanId: string; tenantId: string };

/** A scan is recorded once, with what it found; nothing else ever happens to it. */
export const leakScanDecider = {
  initialState: (): LeakScan => ({ status: 'none' }),

  decide(command: LeakScanCommand, state: LeakScan): LeakScanEvent[] {
    switch (command.type) {
      case 'RecordLeakScan': {
        if (state.status !== 'none') throw conflict('This scan is recorded already.');
        const { scanId, tenantId, scannedBy, source, now, candidates, findings } = command.data;
        if (!Number.isInteger(candidates) || candidates < findings.length) throw badInput('A scan finds at least as many candidates as matches.');
        const matchedIds = findings.map((finding) => finding.appPasswordId);
        const provenIds = findings.filter((finding) => finding.isProven).map((finding) => finding.appPasswordId);
        return [{ type: 'LeakScanPerformed', data: { scanId, tenantId, scannedBy, scannedAt: now.toISOString(), source, candidates, matchedIds, provenIds } }];
      }
      default:
        return assertUnreachable(command.type);
    }
  },

  evolve(state: LeakScan, event: LeakScanEvent): LeakScan {
    switch (event.type) {
      case 'LeakScanPerformed':
        return { status: 'recorded', scanId: event.data.scanId, tenantId: event.data.tenantId };
      default:
        return assertUnreachable(event.type);
    }
  },
};
