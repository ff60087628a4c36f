import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { authenticationErrorOf, Passkeys, SessionStore, StepUpService, type SecondFactorAnswer } from '@keyward/console/shared/data-access';

/**
 * Confirms the user's identity in place when a sensitive operation asks for it (STEP_UP_REQUIRED),
 * like GitHub's sudo mode: the page underneath keeps its form, and the operation goes on once
 * confirmed. The shell hosts one of these.
 */
@Component({
  selector: 'kw-step-up-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="step-up-title" (cancel)="cancel()">
      <form (ngSubmit)="confirm()">
        <h2 id="step-up-title">Confirm it is you</h2>
        <p class="muted">This action is sensitive: confirm who you are again. What you were doing carries on afterwards.</p>
        @if (isSingleSignOn()) {
          <p>
            <button type="button" (click)="stepUp.reauthenticateWithSingleSignOn()">Confirm with single sign-on</button>
          </p>
          <p class="muted">Or, if you have a console password:</p>
        }
        <label>Password
          <input name="step-up-password" type="password" autocomplete="current-password" [required]="!isSingleSignOn()" [(ngModel)]="password" />
        </label>
        <label>Code from your authenticator app, or a recovery code (if you have a second factor)
          <input name="step-up-otp" autocomplete="one-time-code" inputmode="text" maxlength="64" [(ngModel)]="otp" />
        </label>
        @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
        <div class="actions">
          <button type="button" class="secondary" (click)="cancel()">Cancel</button>
          @if (passkeys.isSupported) {
            <button type="button" class="secondary" [disabled]="isBusy() || !password" (click)="confirm(true)">Use a passkey</button>
          }
          <button type="submit" [disabled]="isBusy() || !password">Confirm</button>
        </div>
      </form>
    </dialog>
  `,
})
export class StepUpDialog {
  protected readonly stepUp = inject(StepUpService);
  protected readonly passkeys = inject(Passkeys);
  private readonly session = inject(SessionStore);
  /** The session came from single sign-on: it steps up through the identity provider. */
  protected readonly isSingleSignOn = computed(() => this.session.me()?.sessionSignInMethod === 'SSO');
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);
  protected password = '';
  protected otp = '';

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.stepUp.isAsking() && !dialog.open) {
        this.error.set('');
        dialog.showModal();
      } else if (!this.stepUp.isAsking() && dialog.open) {
        dialog.close();
      }
    });
  }

  protected async confirm(withPasskey = false): Promise<void> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      const answer: SecondFactorAnswer = withPasskey ? { passkey: await this.passkeys.assertion() } : this.otp.trim() ? { otp: this.otp.trim() } : {};
      await this.stepUp.submit(this.password, answer);
      this.password = '';
      this.otp = '';
    } catch (error) {
      this.error.set(authenticationErrorOf(error));
    } finally {
      this.isBusy.set(false);
    }
  }

  protected cancel(): void {
    this.password = '';
    this.otp = '';
    this.stepUp.cancel();
  }
}
