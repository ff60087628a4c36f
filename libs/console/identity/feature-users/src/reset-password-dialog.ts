import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { messageOf } from '@keyward/console/shared/data-access';
import { UsersApi } from '@keyward/console/identity/data-access';

/**
 * Sets a user's console password (whoever holds users.manage). The policy decides whether their
 * app passwords go too. Only the user page uses it, so it stays in this feature.
 */
@Component({
  selector: 'kw-reset-password-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="reset-title">
      <form (ngSubmit)="reset()">
        <h2 id="reset-title">Reset the console password of {{ target()?.userPrincipalName }}</h2>
        <p class="muted">Their console sessions end. If the policy says so, all their app passwords are revoked too.</p>
        <label>New password (12 characters or more)
          <input name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" [(ngModel)]="password" />
        </label>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        <div class="actions">
          <button type="button" class="secondary" (click)="close()">Cancel</button>
          <button type="submit" [disabled]="isBusy() || password.length < 12">Reset password</button>
        </div>
      </form>
    </dialog>
  `,
})
export class ResetPasswordDialog {
  /** Emits after the password was reset. */
  readonly done = output<void>();
  private readonly users = inject(UsersApi);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly target = signal<{ id: string; userPrincipalName: string } | null>(null);
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected password = '';

  open(user: { id: string; userPrincipalName: string }): void {
    this.target.set(user);
    this.password = '';
    this.error.set('');
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.password = '';
    this.dialog().nativeElement.close();
  }

  protected async reset(): Promise<void> {
    const user = this.target();
    if (!user) return;
    this.isBusy.set(true);
    try {
      await this.users.resetPassword(user.id, this.password);
      this.close();
      this.done.emit();
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }
}
