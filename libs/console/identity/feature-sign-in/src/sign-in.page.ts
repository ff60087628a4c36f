import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authenticationErrorOf, Passkeys, SessionStore, type SecondFactorAnswer } from '@keyward/console/shared/data-access';

/** What single sign-on's OAuth errors (RFC 6749) mean to the person signing in. */
const SSO_ERRORS: Record<string, string> = {
  access_denied: 'Single sign-on did not sign you in',
  invalid_request: 'That single sign-on attempt could not be finished',
  invalid_grant: 'The identity provider’s answer could not be verified',
  temporarily_unavailable: 'The identity provider cannot be reached',
};

/** Console sign-in: with single sign-on when it is configured, and with the user principal name and console password. */
@Component({
  selector: 'kw-sign-in-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; place-items: center; min-height: 70vh; }
    form { width: 380px; display: grid; gap: 14px; }
    .sso { text-align: center; background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
    .or { text-align: center; margin: 0; }
  `,
  template: `
    <form class="panel" (ngSubmit)="signIn()" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Keyward</h1>
      @if (ssoError()) {
        <p class="error" role="alert">{{ ssoError() }}</p>
      }
      @if (hasSingleSignOn()) {
        <a class="button sso" href="/auth/oidc/login">Sign in with single sign-on</a>
        <p class="or muted">or with your console password</p>
      }
      <label>User principal name
        <input name="upn" type="email" autocomplete="username" required [(ngModel)]="userPrincipalName" />
      </label>
      <label>Password
        <input name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" />
      </label>
      @if (secondFactor(); as factors) {
        <label>Code from your authenticator app, or a recovery code
          <input name="otp" autocomplete="one-time-code" maxlength="64" [(ngModel)]="otp" [required]="!factors.passkey" />
        </label>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <button type="submit" [disabled]="isBusy()">{{ isBusy() ? 'Signing in…' : 'Sign in' }}</button>
      @if (secondFactor()?.passkey && passkeys.isSupported) {
        <button type="button" class="secondary" [disabled]="isBusy()" (click)="signIn(true)">Use a passkey</button>
      }
    </form>
  `,
})
export class SignInPage implements OnInit {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly http = inject(HttpClient);
  protected readonly passkeys = inject(Passkeys);
  protected userPrincipalName = '';
  protected password = '';
  protected otp = '';
  /** The second factors the user may finish signing in with, once the password was right; null before. */
  protected readonly secondFactor = signal<{ totp: boolean; passkey: boolean } | null>(null);
  protected readonly error = signal('');
  protected readonly ssoError = signal('');
  protected readonly hasSingleSignOn = signal(false);
  protected readonly isBusy = signal(false);

  async ngOnInit(): Promise<void> {
    const query = this.route.snapshot.queryParamMap;
    const code = query.get('error');
    if (code) this.ssoError.set(`${SSO_ERRORS[code] ?? 'Single sign-on failed'} (${code}): ${query.get('error_description') ?? ''}`);
    const methods = await firstValueFrom(this.http.get<{ singleSignOn: boolean }>('/auth/methods')).catch(() => ({ singleSignOn: false }));
    this.hasSingleSignOn.set(methods.singleSignOn);
  }

  protected async signIn(withPasskey = false): Promise<void> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      const answer: SecondFactorAnswer = withPasskey ? { passkey: await this.passkeys.assertion() } : this.otp.trim() ? { otp: this.otp.trim() } : {};
      await this.session.signIn(this.userPrincipalName, this.password, answer);
      await this.router.navigateByUrl(this.session.homePath());
    } catch (failure) {
      const status = failure instanceof HttpErrorResponse ? failure.status : 0;
      const body = failure instanceof HttpErrorResponse ? (failure.error as { message?: string; error?: string; secondFactor?: { totp: boolean; passkey: boolean } } | null) : null;
      if (body?.error === 'second_factor_required' && body.secondFactor) {
        // The password was right: the second factor was missing (the first time) or wrong.
        const wasAsked = this.secondFactor() !== null;
        this.secondFactor.set(body.secondFactor);
        this.otp = '';
        this.error.set(wasAsked ? 'That code or passkey was wrong, or was used already.' : 'Enter the code from your authenticator app or a recovery code, or use your passkey.');
        return;
      }
      this.error.set(
        status === 403 && body?.message
          ? body.message
          : status === 429 || status === 0
            ? authenticationErrorOf(failure)
            : 'The user name or password is wrong.',
      );
    } finally {
      this.isBusy.set(false);
    }
  }
}
