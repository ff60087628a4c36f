import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf } from '@keyward/console/shared/data-access';
import { REVOKE, type AppPasswordRow } from '@keyward/console/app-passwords/data-access';

interface Failure {
  label: string;
  message: string;
}

/**
 * Revokes the selected app passwords one by one with one reason, showing progress and every
 * failure; each revocation is its own event, and one failure does not stop the rest.
 */
@Component({
  selector: 'kw-bulk-revoke-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="bulk-revoke-title">
      <form (ngSubmit)="revoke()">
        <h2 id="bulk-revoke-title">Revoke {{ targets().length }} app passwords</h2>
        <p class="muted">Sign-ins with them fail from the moment each is revoked. Their owners must generate new ones.</p>
        <label>Reason
          <input name="reason" required maxlength="500" placeholder="Suspected leak" [(ngModel)]="reason" [disabled]="isBusy()" />
        </label>
        <label>Incident reference (optional)
          <input name="incidentRef" maxlength="100" placeholder="INC-2041" [(ngModel)]="incidentRef" [disabled]="isBusy()" />
        </label>
        @if (isBusy() || done() > 0) {
          <label>Progress
            <progress [max]="targets().length" [value]="done()">{{ done() }} of {{ targets().length }}</progress>
          </label>
          <p role="status">{{ done() }} of {{ targets().length }} done{{ failures().length ? ', ' + failures().length + ' failed' : '' }}.</p>
        }
        @for (failure of failures(); track failure.label) {
          <p class="error" role="alert">{{ failure.label }}: {{ failure.message }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()" [disabled]="isBusy()">{{ done() ? 'Close' : 'Cancel' }}</button>
          @if (done() === 0) {
            <button type="submit" class="danger" [disabled]="isBusy() || !reason.trim()">Revoke {{ targets().length }}</button>
          }
        </div>
      </form>
    </dialog>
  `,
})
export class BulkRevokeDialog {
  /** Emits once the run is over, whatever its outcome. */
  readonly finished = output<void>();
  private readonly graphql = inject(GraphQLClient);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly targets = signal<AppPasswordRow[]>([]);
  protected readonly done = signal(0);
  protected readonly failures = signal<Failure[]>([]);
  protected readonly isBusy = signal(false);
  protected reason = '';
  protected incidentRef = '';

  open(rows: AppPasswordRow[]): void {
    this.targets.set(rows);
    this.done.set(0);
    this.failures.set([]);
    this.reason = '';
    this.incidentRef = '';
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected async revoke(): Promise<void> {
    this.isBusy.set(true);
    for (const row of this.targets()) {
      try {
        await this.graphql.request(REVOKE, { input: { id: row.id, reason: this.reason, incidentRef: this.incidentRef || null } });
      } catch (error) {
        this.failures.update((failures) => [...failures, { label: `${row.label} (${row.user.userPrincipalName})`, message: messageOf(error) }]);
      }
      this.done.update((done) => done + 1);
    }
    this.isBusy.set(false);
    this.finished.emit();
  }
}
