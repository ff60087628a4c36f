import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { RevocationCaseStore } from '@keyward/console/incidents/data-access';
import { CaseProgress } from '@keyward/console/incidents/ui';
import { isInMotion } from '@keyward/console/incidents/util';
import type { AppPasswordRow } from '@keyward/console/app-passwords/util';

/**
 * Revokes the selected app passwords as one revocation case (by their ids, expecting exactly
 * the selection's size), then follows the case live and links to its page. Only the inventory
 * uses it, so it stays in this feature; the case itself lives in the incident libraries.
 */
@Component({
  selector: 'kw-bulk-revoke-dialog',
  imports: [FormsModule, RouterLink, CaseProgress],
  providers: [RevocationCaseStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="bulk-revoke-title" (close)="stopFollowing()">
      <form (ngSubmit)="revokeAll()">
        <h2 id="bulk-revoke-title">Revoke {{ targets().length }} app passwords</h2>
        @if (caseStore.current(); as c) {
          <kw-case-progress [revocationCase]="c" />
          <p><a [routerLink]="['/incidents/cases', c.id]" (click)="close()">Open the case</a> to see every outcome and download them as CSV.</p>
        } @else {
          <p class="muted">One revocation case: sign-ins with them fail from the moment each is revoked, and their owners must generate new ones.</p>
          <label>Reason
            <input name="reason" required maxlength="500" placeholder="Suspected leak" [(ngModel)]="reason" [disabled]="caseStore.isActing()" />
          </label>
          <label>Incident reference
            <input name="incidentRef" required maxlength="200" placeholder="INC-2041" [(ngModel)]="incidentRef" [disabled]="caseStore.isActing()" />
          </label>
        }
        @if (caseStore.conflictMatched() !== null) {
          <p class="error" role="alert">Only {{ caseStore.conflictMatched() }} of the {{ targets().length }} selected app passwords are still active. Close, and select again from the reloaded list.</p>
        } @else if (caseStore.actionError()) {
          <p class="error" role="alert">{{ caseStore.actionError() }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()" [disabled]="caseStore.isActing()">{{ caseStore.current() ? 'Close' : 'Cancel' }}</button>
          @if (!caseStore.current()) {
            <button type="submit" class="danger" [disabled]="caseStore.isActing() || !reason.trim() || !incidentRef.trim()">Revoke {{ targets().length }}</button>
          }
        </div>
      </form>
    </dialog>
  `,
})
export class BulkRevokeDialog {
  /** Emits once the case has run to its end (or the dialog closed on a started case): the list has changed. */
  readonly finished = output<void>();
  protected readonly caseStore = inject(RevocationCaseStore);
  protected readonly targets = signal<AppPasswordRow[]>([]);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private hasFinished = false;
  protected reason = '';
  protected incidentRef = '';

  constructor() {
    effect(() => {
      const found = this.caseStore.current();
      if (found && !isInMotion(found)) this.finish();
    });
  }

  open(rows: AppPasswordRow[]): void {
    this.caseStore.clear();
    this.targets.set(rows);
    this.hasFinished = false;
    this.reason = '';
    this.incidentRef = '';
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
    this.stopFollowing();
  }

  protected stopFollowing(): void {
    this.caseStore.stopPolling();
    // The case runs on without the dialog; the list should show what it has done so far.
    if (this.caseStore.current()) this.finish();
  }

  protected async revokeAll(): Promise<void> {
    const ids = this.targets().map((row) => row.id);
    await this.caseStore.start({ action: 'REVOKE', filter: { ids }, reason: this.reason.trim(), incidentRef: this.incidentRef.trim() }, ids.length);
  }

  private finish(): void {
    if (this.hasFinished) return;
    this.hasFinished = true;
    this.finished.emit();
  }
}
