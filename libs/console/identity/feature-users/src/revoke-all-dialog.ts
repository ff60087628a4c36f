import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { GraphQLClient, messageOf } from '@keyward/console/shared/data-access';
import { REVOKE_USER_APP_PASSWORDS } from '@keyward/console/app-passwords/data-access';

/** Revokes every active app password of one user, with a reason and an optional incident reference. */
@Component({
  selector: 'kw-revoke-all-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="revoke-all-title">
      <form (ngSubmit)="revoke()">
        <h2 id="revoke-all-title">Revoke all app passwords of {{ target()?.userPrincipalName }}</h2>
        <p class="muted">Every active app password of this user stops working at once. Each revocation is recorded with your reason.</p>
        <label>Reason
          <input name="reason" required maxlength="500" placeholder="Account compromised" [(ngModel)]="reason" />
        </label>
        <label>Incident reference (optional)
          <input name="incidentRef" maxlength="100" [(ngModel)]="incidentRef" />
        </label>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()">Cancel</button>
          <button type="submit" class="danger" [disabled]="isBusy() || !reason.trim()">Revoke all</button>
        </div>
      </form>
    </dialog>
  `,
})
export class RevokeAllDialog {
  /** Emits the number of app passwords revoked. */
  readonly revoked = output<number>();
  private readonly graphql = inject(GraphQLClient);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly target = signal<{ id: string; userPrincipalName: string } | null>(null);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected reason = '';
  protected incidentRef = '';

  open(user: { id: string; userPrincipalName: string }): void {
    this.target.set(user);
    this.reason = '';
    this.incidentRef = '';
    this.error.set('');
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected async revoke(): Promise<void> {
    const user = this.target();
    if (!user) return;
    this.isBusy.set(true);
    try {
      const data = await this.graphql.request<{ revokeUserAppPasswords: { id: string }[] }>(REVOKE_USER_APP_PASSWORDS, {
        input: { userId: user.id, reason: this.reason, incidentRef: this.incidentRef || null },
      });
      this.close();
      this.revoked.emit(data.revokeUserAppPasswords.length);
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }
}
