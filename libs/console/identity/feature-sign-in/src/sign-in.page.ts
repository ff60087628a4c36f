import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { SessionStore } from '@keyward/console/shared/data-access';

/** Console sign-in with the user principal name and console password. */
@Component({
  selector: 'kw-sign-in-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: grid; place-items: center; min-height: 70vh; }
    form { width: 380px; display: grid; gap: 14px; }
  `,
  template: `
    <form class="panel" (ngSubmit)="signIn()" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Keyward</h1>
      <label>User principal name
        <input name="upn" type="email" autocomplete="username" required [(ngModel)]="userPrincipalName" />
      </label>
      <label>Password
        <input name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" />
      </label>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <button type="submit" [disabled]="isBusy()">{{ isBusy() ? 'Signing in…' : 'Sign in' }}</button>
    </form>
  `,
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected userPrincipalName = '';
  protected password = '';
  protected readonly error = signal('');
  protected readonly isBusy = signal(false);

  protected async signIn(): Promise<void> {
    this.isBusy.set(true);
    this.error.set('');
    try {
      await this.session.signIn(this.userPrincipalName, this.password);
      await this.router.navigateByUrl(this.session.homePath());
    } catch {
      this.error.set('The user name or password is wrong.');
    } finally {
      this.isBusy.set(false);
    }
  }
}
