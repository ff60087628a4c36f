import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';

/**
 * The shown-once secret: a plain warning, the secret in groups of four, and a copy button.
 * It keeps nothing: when the host drops it, the secret is gone.
 */
@Component({
  selector: 'kw-secret-reveal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="warning" role="alert"><strong>Copy it now.</strong> It will not be shown again: Keyward keeps only a hash of it.</p>
    <p class="secret" data-testid="secret" aria-label="The new app password">{{ secret() }}</p>
    <p class="muted">Type it into the app's password field. Spaces and capital letters do not matter.</p>
    <button type="button" class="secondary copy" (click)="copy()">{{ isCopied() ? 'Copied' : 'Copy to clipboard' }}</button>
    <span class="visually-hidden" aria-live="polite">{{ isCopied() ? 'The app password is on the clipboard.' : '' }}</span>
  `,
})
export class SecretReveal {
  /** The secret, grouped in fours as the API returns it. */
  readonly secret = input.required<string>();
  protected readonly isCopied = signal(false);

  protected async copy(): Promise<void> {
    await navigator.clipboard?.writeText(this.secret()).catch(() => undefined);
    this.isCopied.set(true);
  }
}
