import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Passkeys, passkeyErrorOf, RequestState, SessionStore } from '@keyward/console/shared/data-access';
import { SecurityApi, type SecondFactorsFields, type TotpEnrollment } from '@keyward/console/identity/data-access';

/** What each source of `mfaRegistered` means, as the page states it. */
const SOURCE_WORDS: Record<string, string> = {
  ADMIN: 'an admin stated it when creating your user',
  DIRECTORY: 'your directory says so',
  IDENTITY_PROVIDER: 'your identity provider said so when you signed in with single sign-on',
  TOTP: 'an authenticator app is registered here',
  PASSKEY: 'a passkey is registered here',
};

/**
 * The signed-in user's second factors for the console: an authenticator app (TOTP, with a QR code
 * and ten recovery codes shown once, confirmed by a first code) and passkeys. Whoever the policy
 * requires to have one and whose grace period is over lands here and can do nothing else first.
 * Below, the mail they choose (account.preferences): expiry reminders, on or off.
 */
@Component({
  selector: 'kw-security-page',
  imports: [DatePipe, FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .qr { width: 200px; height: 200px; background: #fff; }
    .codes { columns: 2; font-family: var(--mono, monospace); }
    .steps { display: grid; gap: 12px; }
  `,
  template: `
    <h1>Security</h1>
    @if (error()) { <p class="error" role="alert">{{ error() }}</p> }
    @if (factors(); as f) {
      <section class="panel" aria-labelledby="status-title">
        <h2 id="status-title">Second factor</h2>
        @switch (f.status) {
          @case ('SATISFIED') { <p>You sign in to the console with a second factor.</p> }
          @case ('NOT_REQUIRED') { <p>Your roles do not need a second factor for the console, but one protects your account.</p> }
          @case ('GRACE') { <p class="warning">Your role needs a second factor: register one by {{ f.deadline | date: 'mediumDate' }}. Until then your password alone still signs you in.</p> }
          @case ('ENROLMENT_REQUIRED') { <p class="error">Your role needs a second factor, and the time to register one is over: register one now to use the console.</p> }
        }
        <p class="muted" data-testid="mfa-sources">
          MFA registered: {{ f.mfaSources.length ? 'yes, because ' + sourceWords(f.mfaSources) : 'no' }}.
        </p>
      </section>

      <section class="panel" aria-labelledby="totp-title">
        <h2 id="totp-title">Authenticator app</h2>
        @if (f.totp) {
          <p>Registered. {{ f.recoveryCodesLeft }} of 10 recovery codes left. If you lose your phone, an admin can reset your second factors.</p>
        } @else if (enrolment(); as e) {
          <div class="steps">
            <p><strong>1. Save these recovery codes</strong> somewhere safe. Each signs you in once if you lose your phone. They are shown only now.</p>
            <ol class="codes" data-testid="recovery-codes">
              @for (code of e.recoveryCodes; track code) { <li>{{ code }}</li> }
            </ol>
            <p><strong>2. Scan the QR code</strong> with your authenticator app, or type the key in.</p>
            <img class="qr" [src]="qrSource()" alt="QR code for your authenticator app" />
            <p>Key: <code data-testid="totp-secret">{{ e.secret }}</code></p>
            <form (ngSubmit)="confirmTotp()" aria-label="Confirm the authenticator app">
              <label><strong>3. Enter the 6-digit code</strong> the app shows
                <input name="code" autocomplete="one-time-code" inputmode="numeric" required maxlength="6" [(ngModel)]="code" />
              </label>
              <button type="submit" [disabled]="isBusy()">Confirm</button>
            </form>
          </div>
        } @else {
          <p>Use an app such as Microsoft Authenticator, Google Authenticator or 1Password to make a new code every 30 seconds.</p>
          <button type="button" (click)="beginTotp()" [disabled]="isBusy()">Set up an authenticator app</button>
        }
      </section>

      <section class="panel" aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">Passkeys</h2>
        @if (f.passkeys.length) {
          <ul>
            @for (passkey of f.passkeys; track passkey.id) { <li>{{ passkey.name }}</li> }
          </ul>
        } @else {
          <p class="muted">No passkey yet. A passkey signs you in with your device's screen lock or a security key.</p>
        }
        @if (passkeys.isSupported) {
          <form class="toolbar" (ngSubmit)="addPasskey()" aria-label="Add a passkey">
            <label class="grow">Name <input name="passkeyName" maxlength="64" placeholder="Work laptop" [(ngModel)]="passkeyName" /></label>
            <button type="submit" [disabled]="isBusy()">Add a passkey</button>
          </form>
        } @else {
          <p class="muted">This browser cannot use passkeys.</p>
        }
      </section>
      @if (canGoOn()) {
        <p><button type="button" class="secondary" (click)="goOn()">Go to the console</button></p>
      }
    }
    @if (hasMailChoice()) {
      <section class="panel" aria-labelledby="mail-title">
        <h2 id="mail-title">Mail</h2>
        @if (expiryReminders() !== null) {
          <label class="check">
            <input type="checkbox" name="expiryReminders" [checked]="expiryReminders()" [disabled]="mailRequest.isLoading()"
              (change)="changeExpiryReminders($any($event.target).checked)" />
            Mail me 7 days and 1 day before one of my app passwords expires
          </label>
        }
        <p class="muted">Notices that one of your app passwords was revoked, suspended or found leaked always come: they cannot be turned off.</p>
        @if (mailRequest.error()) {
          <p class="error" role="alert">{{ mailRequest.error() }}</p>
        } @else if (mailSaved()) {
          <p class="muted mail-saved" role="status">{{ mailSaved() }}</p>
        }
      </section>
    }
  `,
})
export class SecurityPage implements OnInit {
  private readonly api = inject(SecurityApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly passkeys = inject(Passkeys);
  protected readonly factors = signal<SecondFactorsFields | null>(null);
  protected readonly enrolment = signal<TotpEnrollment | null>(null);
  private readonly request = new RequestState();
  protected readonly error = this.request.error;
  protected readonly isBusy = this.request.isLoading;
  /** Enrolled during this visit after having to: the rest of the console opens. */
  protected readonly canGoOn = signal(false);
  protected readonly qrSource = computed(() => {
    const svg = this.enrolment()?.qrCodeSvg;
    return svg ? `data:image/svg+xml;base64,${btoa(svg)}` : '';
  });
  protected code = '';
  protected passkeyName = '';
  /** Whether the user chooses their mail (not while they must enrol a second factor first). */
  protected readonly hasMailChoice = computed(() => this.session.scopeOf('account.preferences') !== null);
  /** Whether expiry reminders are on; null until read. */
  protected readonly expiryReminders = signal<boolean | null>(null);
  protected readonly mailRequest = new RequestState();
  /** What the last change did, in words; '' before any. */
  protected readonly mailSaved = signal('');

  async ngOnInit(): Promise<void> {
    await Promise.all([this.load(), this.loadMailChoice()]);
  }

  protected async changeExpiryReminders(isOn: boolean): Promise<void> {
    this.mailSaved.set('');
    // The box shows the choice at once; a refusal puts it back as the server has it.
    this.expiryReminders.set(isOn);
    await this.mailRequest.run(async () => {
      this.expiryReminders.set(await this.api.changeExpiryReminders(isOn));
      this.mailSaved.set(isOn ? 'Saved: you are mailed before an app password of yours expires.' : 'Saved: no more reminders before an app password of yours expires.');
    });
    if (this.mailRequest.error()) this.expiryReminders.set(!isOn);
  }

  protected sourceWords(sources: readonly string[]): string {
    return sources.map((source) => SOURCE_WORDS[source] ?? source).join(', and ');
  }

  protected async beginTotp(): Promise<void> {
    await this.request.run(async () => this.enrolment.set(await this.api.beginTotp()));
  }

  protected async confirmTotp(): Promise<void> {
    await this.request.run(async () => {
      await this.api.confirmTotp(this.code.trim());
      this.enrolment.set(null);
      this.code = '';
      await this.enrolled();
    });
  }

  protected async addPasskey(): Promise<void> {
    await this.request.run(async () => {
      const options = await this.api.beginPasskey();
      // The browser's refusal (closed, timed out, a key already registered) in its own words.
      const response = await this.passkeys.create(options).catch((failure: unknown) => {
        throw new Error(passkeyErrorOf(failure));
      });
      await this.api.finishPasskey(response, this.passkeyName.trim() || 'Passkey');
      this.passkeyName = '';
      await this.enrolled();
    });
  }

  protected async goOn(): Promise<void> {
    await this.router.navigateByUrl(this.session.homePath());
  }

  private async enrolled(): Promise<void> {
    const hadToEnrol = this.session.mustEnrol();
    await this.session.reload();
    this.factors.set(await this.api.mine());
    if (hadToEnrol) this.canGoOn.set(true);
  }

  private async load(): Promise<void> {
    await this.request.run(async () => this.factors.set(await this.api.mine()));
  }

  private async loadMailChoice(): Promise<void> {
    if (!this.hasMailChoice()) return;
    await this.mailRequest.run(async () => this.expiryReminders.set(await this.api.expiryReminders()));
  }
}
