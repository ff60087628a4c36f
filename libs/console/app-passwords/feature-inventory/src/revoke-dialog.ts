import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf } from '@keyward/console/shared/data-access';
import { REVOKE, type AppPasswordRow } from '@keyward/console/app-passwords/data-access';

/** Revokes one app password, with a reason and an optional incident reference. */
@Component({
  selector: 'kw-revoke-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="revoke-title">
      <form (ngSubmit)="revoke()">
        <h2 id="revoke-title">Revoke “{{ target()?.label }}”</h2>
        <p class="muted">Of {{ target()?.user?.userPrincipalName }}. Sign-ins with it fail from the moment you confirm.</p>
        <label>Reason
          <input name="reason" required maxlength="500" placeholder="Laptop lost" [(ngModel)]="reason" />
        </label>
        <label>Incident reference (optional)
          <input name="incidentRef" maxlength="100" [(ngModel)]="incidentRef" />
        </label>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()">Cancel</button>
          <button type="submit" class="danger" [disabled]="isBusy() || !reason.trim()">Revoke</button>
        </div>
      </form>
    </dialog>
  `,
})
export class RevokeDialog {
  /** Emits after the app password was revoked. */
  readonly revoked = output<void>();
  private readonly graphql = inject(GraphQLClient);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly target = signal<AppPasswordRow | null>(null);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected reason = '';
  protected incidentRef = '';

  open(row: AppPasswordRow): void {
    this.target.set(row);
    this.reason = '';
    this.incidentRef = '';
    this.error.set('');
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected async revoke(): Promise<void> {
    const row = this.target();
    if (!row) return;
    this.isBusy.set(true);
    try {
      await this.graphql.request(REVOKE, { input: { id: row.id, reason: this.reason, incidentRef: this.incidentRef || null } });
      this.close();
      this.revoked.emit();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }
}
