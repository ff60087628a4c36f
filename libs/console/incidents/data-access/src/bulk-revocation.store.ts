import { computed, inject, Injectable, signal } from '@angular/core';
import type { BulkRevocationRequest, BulkRevocationState, BulkRevocationTarget, RevocationCase } from '@keyward/console/incidents/util';
import { RevocationCaseStore } from './revocation-case.store';

/**
 * Revoking app passwords by their ids as one revocation case, expecting exactly that many to be
 * active (the inventory's selection, a scan's proven leaks). A page provides it with a
 * RevocationCaseStore, opens it, passes its `state()` to the bulk revoke dialog and hands what
 * the dialog emits back; once started, the case is followed live.
 */
@Injectable()
export class BulkRevocationStore {
  private readonly caseStore = inject(RevocationCaseStore);
  private readonly target = signal<BulkRevocationTarget | null>(null);

  readonly state = computed<BulkRevocationState>(() => ({
    target: this.target(),
    revocationCase: this.caseStore.current(),
    isBusy: this.caseStore.isActing(),
    error: this.caseStore.actionError(),
    stillActive: this.caseStore.conflictMatched(),
  }));

  /** Asks for a reason and an incident reference to revoke these (the dialog opens, blank). */
  open(target: BulkRevocationTarget): void {
    this.caseStore.clear();
    this.target.set(target);
  }

  /** Opens the case; the case, or null when the server refused it (the state says why). */
  async revoke({ reason, incidentRef }: BulkRevocationRequest): Promise<RevocationCase | null> {
    const target = this.target();
    if (!target || this.caseStore.isActing()) return null;
    const ids = target.ids;
    const started = await this.caseStore.start({ action: 'REVOKE', filter: { ids }, reason: reason.trim(), incidentRef: incidentRef.trim() }, ids.length);
    // Closed while the request was on its way: the case runs on, nobody watches it here.
    if (this.target() !== target) this.caseStore.stopPolling();
    return started;
  }

  /** Closes the dialog; a started case runs on without it. */
  close(): void {
    this.caseStore.stopPolling();
    this.target.set(null);
  }
}
