import { ChangeDetectionStrategy, Component, ElementRef, inject, output, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { BulkRevocationStore } from '@keyward/console/app-passwords/data-access';
import type { AppPasswordRow } from '@keyward/console/app-passwords/util';

/**
 * Revokes the selected app passwords with one reason, showing progress and every failure (the
 * store revokes them one by one; one failure does not stop the rest). Only the inventory uses it,
 * so it stays in this feature.
 */
@Component({
  selector: 'kw-bulk-revoke-dialog',
  imports: [FormsModule],
  providers: [BulkRevocationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="bulk-revoke-title">
      <form (ngSubmit)="revokeAll()">
        <h2 id="bulk-revoke-title">Revoke {{ bulk.targets().length }} app passwords</h2>
        <p class="muted">Sign-ins with them fail from the moment each is revoked. Their owners must generate new ones.</p>
        <label>Reason
          <input name="reason" required maxlength="500" placeholder="Suspected leak" [(ngModel)]="reason" [disabled]="bulk.isBusy()" />
        </label>
        <label>Incident reference (optional)
          <input name="incidentRef" maxlength="100" placeholder="INC-2041" [(ngModel)]="incidentRef" [disabled]="bulk.isBusy()" />
        </label>
        @if (bulk.isBusy() || bulk.done() > 0) {
          <label>Progress
            <progress [max]="bulk.targets().length" [value]="bulk.done()">{{ bulk.done() }} of {{ bulk.targets().length }}</progress>
          </label>
          <p role="status">{{ bulk.done() }} of {{ bulk.targets().length }} done{{ bulk.failures().length ? ', ' + bulk.failures().length + ' failed' : '' }}.</p>
        }
        @for (failure of bulk.failures(); track failure.label) {
          <p class="error" role="alert">{{ failure.label }}: {{ failure.message }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()" [disabled]="bulk.isBusy()">{{ bulk.done() ? 'Close' : 'Cancel' }}</button>
          @if (bulk.done() === 0) {
            <button type="submit" class="danger" [disabled]="bulk.isBusy() || !reason.trim()">Revoke {{ bulk.targets().length }}</button>
          }
        </div>
      </form>
    </dialog>
  `,
})
export class BulkRevokeDialog {
  /** Emits once the run is over, whatever its outcome. */
  readonly finished = output<void>();
  protected readonly bulk = inject(BulkRevocationStore);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected reason = '';
  protected incidentRef = '';

  open(rows: AppPasswordRow[]): void {
    this.bulk.prepare(rows);
    this.reason = '';
    this.incidentRef = '';
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected async revokeAll(): Promise<void> {
    await this.bulk.revokeAll({ reason: this.reason, incidentRef: this.incidentRef || null });
    this.finished.emit();
  }
}
