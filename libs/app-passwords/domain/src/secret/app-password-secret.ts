import { createHash } from 'node:crypto';

/**
 * The app password format: `kw` + key id (10) + secret (18) + checksum (2) = 32 characters of a
 * 32-symbol alphabet (lowercase letters and digits without the look-alikes 0 o 1 l), shown in
 * groups of four. The key id names the credential, so a verification costs one argon2 check and
 * a leaked string can be traced; the secret carries 90 bits from a CSPRNG; the checksum tells a
 * typo from a wrong secret and lets secret scanners match exactly (`\bkw[a-km-np-z2-9]{30}\b`).
 */
export const SECRET_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export const SECRET_PREFIX = 'kw';
export const KEY_ID_LENGTH = 10;
export const SECRET_LENGTH = 18;
export const CHECKSUM_LENGTH = 2;
const TOTAL_LENGTH = SECRET_PREFIX.length + KEY_ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;
const ALPHABET_PATTERN = new RegExp(`^[${SECRET_ALPHABET}]+$`);

/** Fills a buffer with cryptographically secure random bytes (injected: crypto.randomBytes). */
export type RandomBytes = (size: number) => Uint8Array;

export interface NewAppPasswordSecret {
  readonly keyId: string;
  readonly secret: string;
  /** The whole password, as the user types it (without spaces). */
  readonly password: string;
}

export type ParsedAppPassword =
  | { readonly kind: 'malformed' }
  | { readonly kind: 'parsed'; readonly keyId: string; readonly secret: string; readonly isChecksumValid: boolean };

export function newAppPasswordSecret(randomBytes: RandomBytes): NewAppPasswordSecret {
  // 256 is a multiple of 32, so `byte % 32` picks every symbol with the same probability.
  const symbols = (count: number) =>
    Array.from(randomBytes(count).subarray(0, count), (byte) => SECRET_ALPHABET[byte % 32]).join('');
  return composeAppPassword(symbols(KEY_ID_LENGTH), symbols(SECRET_LENGTH));
}

/** The password for a key id and secret, with its checksum. */
export function composeAppPassword(keyId: string, secret: string): NewAppPasswordSecret {
  return { keyId, secret, password: `${SECRET_PREFIX}${keyId}${secret}${checksum(keyId, secret)}` };
}

/** Reads what a client sent: spaces and case are ignored. */
export function parseAppPassword(input: string): ParsedAppPassword {
  if (input.length > 256) return { kind: 'malformed' };
  // Spaces, dashes and what a copy and paste brings along unseen: a trailing newline, a non-breaking
  // space (all \s), a soft hyphen, zero-width spaces and joiners, a word joiner, a byte-order mark.
  const typed = input.replace(/[\s\u00AD\u200B-\u200D\u2060-]+/g, '');
  // ASCII before lowercasing: 'K' (U+212A, the Kelvin sign) lowercases to 'k', which no scanner's pattern matches.
  if (!/^[A-Za-z0-9]*$/.test(typed)) return { kind: 'malformed' };
  const compact = typed.toLowerCase();
  if (compact.length !== TOTAL_LENGTH || !compact.startsWith(SECRET_PREFIX)) return { kind: 'malformed' };
  const body = compact.slice(SECRET_PREFIX.length);
  if (!ALPHABET_PATTERN.test(body)) return { kind: 'malformed' };
  const keyId = body.slice(0, KEY_ID_LENGTH);
  const secret = body.slice(KEY_ID_LENGTH, KEY_ID_LENGTH + SECRET_LENGTH);
  const sum = body.slice(KEY_ID_LENGTH + SECRET_LENGTH);
  return { kind: 'parsed', keyId, secret, isChecksumValid: sum === checksum(keyId, secret) };
}

/** `kwab cdef ghij …`: how the console shows a password. */
export function groupForDisplay(password: string): string {
  return password.match(/.{1,4}/g)?.join(' ') ?? password;
}

function checksum(keyId: string, secret: string): string {
  const digest = createHash('sha256').update(`${SECRET_PREFIX}${keyId}${secret}`).digest();
  const bits = (digest[0] << 2) | (digest[1] >> 6);
  return SECRET_ALPHABET[bits >> 5] + SECRET_ALPHABET[bits & 31];
}
