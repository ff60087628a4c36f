import type { LeakMatch, LeakScan } from '@keyward/console/incidents/util';

/** A scan with every field, these ones as given: by default nothing found. */
export function scanOf(fields: Partial<LeakScan> = {}): LeakScan {
  return { id: 'scan-1', scannedAt: '2026-12-01T10:00:00.000Z', candidates: 0, matches: [], provenActiveIds: [], ...fields };
}

/** A match of one of alice's app passwords, proven or not. */
export function matchOf(id: string, label: string, proven: boolean, status: LeakMatch['appPassword']['status'] = 'ACTIVE', userPrincipalName = 'alice@contoso.example'): LeakMatch {
  return { proven, appPassword: { id, label, status, lastUsedAt: null, user: { id: `u-${userPrincipalName.split('@')[0]}`, userPrincipalName } } };
}

/**
 * A test double for the leak API: no server runs in a component test. Each scan answers `next`
 * (or throws it when it is an Error), after `hold` resolves when set, so a test can look at the
 * page while a scan runs; every call is recorded in `sent`, a file by its name and size.
 */
export class LeaksApiDouble {
  next: LeakScan | Error = scanOf();
  hold: Promise<void> | null = null;
  readonly sent: { call: 'scanText' | 'scanFile'; text?: string; file?: { name: string; size: number } }[] = [];

  async scanText(text: string): Promise<LeakScan> {
    this.sent.push({ call: 'scanText', text });
    return this.answer();
  }

  async scanFile(file: Blob): Promise<LeakScan> {
    this.sent.push({ call: 'scanFile', file: { name: file instanceof File ? file.name : '', size: file.size } });
    return this.answer();
  }

  private async answer(): Promise<LeakScan> {
    await this.hold;
    if (this.next instanceof Error) throw this.next;
    return this.next;
  }
}
