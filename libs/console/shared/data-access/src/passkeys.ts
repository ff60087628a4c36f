import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { firstValueFrom } from 'rxjs';

/** The browser's side of passkeys (WebAuthn), through @simplewebauthn/browser. */
@Injectable({ providedIn: 'root' })
export class Passkeys {
  private readonly http = inject(HttpClient);

  /** Whether this browser can use passkeys at all. */
  get isSupported(): boolean {
    return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
  }

  /** Asks the browser for an assertion with one of the user's passkeys, for a sign-in or a step-up. */
  async assertion(): Promise<unknown> {
    const optionsJSON = await firstValueFrom(this.http.post<Parameters<typeof startAuthentication>[0]['optionsJSON']>('/auth/passkey/options', {}));
    return startAuthentication({ optionsJSON });
  }

  /** Asks the browser to create a passkey with the options beginPasskeyRegistration gave. */
  create(optionsJSON: unknown): Promise<unknown> {
    return startRegistration({ optionsJSON: optionsJSON as Parameters<typeof startRegistration>[0]['optionsJSON'] });
  }
}

/** What a passkey ceremony's failure means to the user (they cancelled, or the browser refused). */
export function passkeyErrorOf(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'The passkey prompt was closed or timed out; nothing was used.';
  if (name === 'InvalidStateError') return 'This authenticator holds a passkey for your account already.';
  return 'The passkey could not be used in this browser.';
}
