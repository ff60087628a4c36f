import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { passkeyErrorOf } from './passkeys';
import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** What a sign-in or step-up sends besides the password: a TOTP or recovery code, or a passkey's assertion. */
export interface SecondFactorAnswer {
  otp?: string;
  passkey?: unknown;
}

/** The broadcast channel on which the single sign-on window says the user signed in again. */
export const SIGNED_IN_AGAIN = 'keyward:signed-in-again';

/**
 * Step-up (DESIGN §8: `POST /auth/step-up`): a sensitive operation that the server refused with
 * STEP_UP_REQUIRED waits on `confirm()` while the step-up dialog asks for the password (and the
 * second factor) in place; then it is sent again, so the page and its form carry on as they were.
 * Several refused operations at once share one dialog.
 */
@Injectable({ providedIn: 'root' })
export class StepUpService {
  private readonly http = inject(HttpClient);
  private pending: Promise<boolean> | null = null;
  private settle: ((isConfirmed: boolean) => void) | null = null;
  /** Whether the dialog is asking. */
  readonly isAsking = signal(false);

  /** Resolves true once the user has confirmed their identity, false if they cancelled. */
  confirm(): Promise<boolean> {
    if (!this.pending) {
      this.pending = new Promise<boolean>((resolve) => (this.settle = resolve));
      this.isAsking.set(true);
    }
    return this.pending;
  }

  /** Sends the password and second factor; throws the server's HttpErrorResponse when refused (401, 429). */
  async submit(password: string, answer: SecondFactorAnswer = {}): Promise<void> {
    await firstValueFrom(this.http.post('/auth/step-up', { password, ...answer }));
    this.finish(true);
  }

  /**
   * Steps up a session single sign-on opened: the identity provider signs the user in again in a
   * window of its own (prompt=login), whose last page tells this one; the session that sign-in
   * opens replaces this one, and the operation goes on.
   */
  reauthenticateWithSingleSignOn(): void {
    // A broadcast channel, not window.opener: the provider's pages in between put the window in
    // another browsing context group (Cross-Origin-Opener-Policy), which severs the opener.
    const channel = new BroadcastChannel(SIGNED_IN_AGAIN);
    const popup = window.open(`/auth/oidc/login?reauthenticate=1&returnTo=${encodeURIComponent('/signed-in-again')}`, 'keyward-step-up', 'popup,width=520,height=700');
    channel.onmessage = () => {
      channel.close();
      popup?.close();
      this.finish(true);
    };
  }

  cancel(): void {
    this.finish(false);
  }

  private finish(isConfirmed: boolean): void {
    this.settle?.(isConfirmed);
    this.pending = null;
    this.settle = null;
    this.isAsking.set(false);
  }
}

/** What a refused sign-in or step-up means to the user. */
export function authenticationErrorOf(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return passkeyErrorOf(error);
  if (error.status === 429) return 'Too many failed attempts; try again in a few minutes.';
  if ((error.error as { error?: string } | null)?.error === 'second_factor_required') {
    return 'Enter the 6-digit code from your authenticator app or one of your recovery codes, or use your passkey.';
  }
  return error.status === 401 ? 'The password is wrong.' : 'Keyward could not be reached. Check your connection and try again.';
}

