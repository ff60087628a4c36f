import { Pipe, type PipeTransform } from '@angular/core';

const PLAIN: Record<string, string> = {
  TYPO: 'A typo: the password was almost right (one character off). Check what the app has saved.',
  WRONG_SECRET: 'The password does not match this app password. It was changed or mistyped in the app.',
  WRONG_USER: 'The app password belongs to someone else than the user name the app sent.',
  REVOKED: 'This app password was revoked. Generate a new one and put it in the app.',
  SUSPENDED: 'This app password is suspended while an incident is investigated. Ask your administrator; it may be reinstated.',
  EXPIRED: 'This app password has expired. Generate a new one and put it in the app.',
  SCOPE_NOT_ALLOWED: 'This app password is right, but not for this protocol (say, sending mail with one made for reading it). Generate one that allows it, or ask your administrator.',
  USER_DISABLED: 'The account is disabled. Ask your administrator.',
  UNKNOWN_USER: 'The user name is not known. Check the user name in the app.',
  MALFORMED_PASSWORD: 'What the app sent is not an app password at all. Copy the app password again; Keyward ignores spaces and hidden characters.',
  PRIMARY_PASSWORD_USED: 'The app sent your own password, not an app password. Put the app password in the app’s password field instead, and change your own password if others may have seen it.',
  UNKNOWN_CREDENTIAL: 'No app password with this beginning exists. Perhaps an old one, or a mistyped start.',
};

/** Every reason Keyward records for a refused sign-in, with its plain words: the console's help lists them all. */
export const SIGN_IN_REASONS: readonly { reason: string; words: string }[] = Object.entries(PLAIN).map(([reason, words]) => ({ reason, words }));

/** A rejection reason in plain words, for people rather than logs. */
export function plainReason(reason: string | null): string {
  if (!reason) return 'Signed in.';
  return PLAIN[reason] ?? reason;
}

@Pipe({ name: 'plainReason' })
export class PlainReasonPipe implements PipeTransform {
  transform(reason: string | null): string {
    return plainReason(reason);
  }
}
