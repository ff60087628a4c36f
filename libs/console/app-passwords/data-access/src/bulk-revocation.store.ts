import { inject, Injectable, signal } from '@angular/core';
import { messageOf } from '@keyward/console/shared/data-access';
import type { AppPasswordRow, RevocationReason } from '@keyward/console/app-passwords/util';
import { AppPasswordsApi } from './app-passwords.api';

/** An app password the run could not revoke, and why. */
export interface BulkRevocationFailure {
  label: string;
  message: string;
}

/**
 * Revokes several app passwords one by one with one reason: each revocation is its own event,
 * and one failure does not stop the rest. Progress and failures are there to show as it goes.
 * (Row by row until the server offers a bulk mutation.)
 */
@Injectable()
export class BulkRevocationStore {
  private readonly api = inject(AppPasswordsApi);
  readonly targets = signal<AppPasswordRow[]>([]);
  /** How many have been tried, revoked or not. */
  readonly done = signal(0);
  readonly failures = signal<BulkRevocationFailure[]>([]);
  readonly isBusy = signal(false);

  /** Starts over with these app passwords. */
  prepare(rows: AppPasswordRow[]): void {
    this.targets.set(rows);
    this.done.set(0);
    this.failures.set([]);
  }

  async revokeAll(reason: RevocationReason): Promise<void> {
    this.isBusy.set(true);
    for (const row of this.targets()) {
      try {
        await this.api.revoke(row.id, reason);
      } catch (error) {
        this.failures.update((failures) => [...failures, { label: `${row.label} (${row.user.userPrincipalName})`, message: messageOf(error) }]);
      }
      this.done.update((done) => done + 1);
    }
    this.isBusy.set(false);
  }
}
