import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, input, linkedSignal, output, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { RevocationReason, RevocationState } from '@keyward/console/app-passwords/util';

/**
 * Asks for the reason (and an optional incident reference) to revoke one app password, or all
 * of one user's. Open while `state.target` is set; the page's revocation store does the revoking.
 */
@Component({
  selector: 'kw-revoke-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="revoke-title" (close)="closeByUser()">
      <form (ngSubmit)="revokeWithReason()">
        <h2 id="revoke-title">{{ texts().title }}</h2>
        <p class="muted">{{ texts().description }}</p>
        <label>Reason
          <input name="reason" required maxlength="500" placeholder="Laptop lost" [ngModel]="reason()" (ngModelChange)="reason.set($event)" />
        </label>
        <label>Incident reference (optional)
          <input name="incidentRef" maxlength="100" [ngModel]="incidentRef()" (ngModelChange)="incidentRef.set($event)" />
        </label>
        @if (state().error) {
          <p class="error" role="alert">{{ state().error }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="dialog.close()">Cancel</button>
          <button type="submit" class="danger" [disabled]="state().isBusy || !reason().trim()">{{ texts().confirm }}</button>
        </div>
      </form>
    </dialog>
  `,
})
export class RevokeDialog {
  /** What is asked about, whether the revocation is on its way, and its last failure. */
  readonly state = input.required<RevocationState>();
  /** Emits the reason when the user confirms. */
  readonly revoke = output<RevocationReason>();
  /** Emits when the user closes the dialog without revoking (Cancel, Escape). */
  readonly closed = output<void>();
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  // A new target starts with an empty form.
  protected readonly reason = linkedSignal({ source: () => this.state().target, computation: () => '' });
  protected readonly incidentRef = linkedSignal({ source: () => this.state().target, computation: () => '' });
  protected readonly texts = computed(() => {
    const target = this.state().target;
    if (target?.kind === 'user') {
      return {
        title: `Revoke all app passwords of ${target.user.userPrincipalName}`,
        description: 'Every active app password of this user stops working at once. Each revocation is recorded with your reason.',
        confirm: 'Revoke all',
      };
    }
    return {
      title: target ? `Revoke “${target.appPassword.label}”` : '',
      description: target ? `Of ${target.appPassword.user.userPrincipalName}. Sign-ins with it fail from the moment you confirm.` : '',
      confirm: 'Revoke',
    };
  });

  constructor() {
    afterRenderEffect(() => {
      const dialog = this.dialog().nativeElement;
      const isOpen = this.state().target !== null;
      if (isOpen && !dialog.open) dialog.showModal();
      if (!isOpen && dialog.open) dialog.close();
    });
  }

  protected revokeWithReason(): void {
    this.revoke.emit({ reason: this.reason(), incidentRef: this.incidentRef().trim() || null });
  }

  // The dialog also closes when the store drops its target; only a close the store did not ask for is the user's.
  protected closeByUser(): void {
    if (this.state().target !== null) this.closed.emit();
  }
}
