import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, effect, ElementRef, input, linkedSignal, output, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { isInMotion, type BulkRevocationRequest, type BulkRevocationState } from '@keyward/console/incidents/util';
import { CaseProgress } from './case-progress';

/** What to do when fewer of the app passwords are active than asked, by where they came from. */
const AFTER_CONFLICT = {
  selected: 'Close, and select again from the reloaded list.',
  proven: 'Close, and scan again to see which are.',
} as const;

/**
 * Asks for a reason and an incident reference to revoke app passwords as one revocation case (by
 * their ids, expecting exactly that many active), then shows the case's progress and links to
 * its page. Open while `state.target` is set; the page's BulkRevocationStore does the revoking.
 */
@Component({
  selector: 'kw-bulk-revoke-dialog',
  imports: [FormsModule, RouterLink, CaseProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="bulk-revoke-title" (close)="closeByUser()">
      <form (ngSubmit)="revokeAll()">
        <h2 id="bulk-revoke-title">Revoke {{ count() }} app passwords</h2>
        @if (state().revocationCase; as c) {
          <kw-case-progress [revocationCase]="c" />
          <p><a [routerLink]="['/incidents/cases', c.id]" (click)="dialog.close()">Open the case</a> to see every outcome and download them as CSV.</p>
        } @else {
          <p class="muted">One revocation case: sign-ins with them fail from the moment each is revoked, and their owners must generate new ones.</p>
          <label>Reason
            <input name="reason" required maxlength="500" placeholder="Suspected leak" [ngModel]="reason()" (ngModelChange)="reason.set($event)" [disabled]="state().isBusy" />
          </label>
          <label>Incident reference
            <input name="incidentRef" required maxlength="200" placeholder="INC-2041" [ngModel]="incidentRef()" (ngModelChange)="incidentRef.set($event)" [disabled]="state().isBusy" />
          </label>
        }
        @if (state().stillActive !== null) {
          <p class="error" role="alert">Only {{ state().stillActive }} of the {{ count() }} {{ state().target?.origin }} app passwords are still active. {{ afterConflict() }}</p>
        } @else if (state().error) {
          <p class="error" role="alert">{{ state().error }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="dialog.close()" [disabled]="state().isBusy">{{ state().revocationCase ? 'Close' : 'Cancel' }}</button>
          @if (!state().revocationCase) {
            <button type="submit" class="danger" [disabled]="state().isBusy || !reason().trim() || !incidentRef().trim()">Revoke {{ count() }}</button>
          }
        </div>
      </form>
    </dialog>
  `,
})
export class BulkRevokeDialog {
  /** What is being revoked, the case once started, whether a request is on its way, and why one failed. */
  readonly state = input.required<BulkRevocationState>();
  /** Emits the reason and incident reference when the user confirms. */
  readonly revoke = output<BulkRevocationRequest>();
  /** Emits when the user closes the dialog (Cancel, Close, Escape, or the link to the case). */
  readonly closed = output<void>();
  /** Emits once per opening when the started case has run to its end, or the dialog closes on it: the list has changed. */
  readonly finished = output<void>();
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  // Each opening starts with the target's reason and no incident reference.
  protected readonly reason = linkedSignal({ source: () => this.state().target, computation: (target) => target?.reason ?? '' });
  protected readonly incidentRef = linkedSignal({ source: () => this.state().target, computation: () => '' });
  protected readonly count = computed(() => this.state().target?.ids.length ?? 0);
  protected readonly afterConflict = computed(() => AFTER_CONFLICT[this.state().target?.origin ?? 'selected']);
  private hasFinished = false;

  constructor() {
    afterRenderEffect(() => {
      const dialog = this.dialog().nativeElement;
      const isOpen = this.state().target !== null;
      if (isOpen && !dialog.open) {
        this.hasFinished = false;
        dialog.showModal();
      }
      if (!isOpen && dialog.open) dialog.close();
    });
    effect(() => {
      const found = this.state().revocationCase;
      if (found && !isInMotion(found)) this.finish();
    });
  }

  protected revokeAll(): void {
    this.revoke.emit({ reason: this.reason(), incidentRef: this.incidentRef() });
  }

  // The dialog also closes when the store drops its target; only a close the store did not ask for is the user's.
  protected closeByUser(): void {
    if (this.state().target === null) return;
    // The case runs on without the dialog; the list should show what it has done so far.
    if (this.state().revocationCase) this.finish();
    this.closed.emit();
  }

  private finish(): void {
    if (this.hasFinished) return;
    this.hasFinished = true;
    this.finished.emit();
  }
}
