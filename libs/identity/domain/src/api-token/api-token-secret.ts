import { createHash, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * The API token format: `kwt_` + token id (12) + secret (32) + checksum (6), base62 after the
 * prefix, like GitHub's tokens. The id names the token's stream, so a request costs one read; the
 * secret carries 190 bits from a CSPRNG, so it is stored as a plain SHA-256 (no argon2 needed:
 * nothing that long is guessed); the checksum (CRC-32 of the rest) lets a secret scanner match
 * exactly (`\bkwt_[0-9A-Za-z]{50}\b`) and tells a mistyped token from a wrong one without a read.
 */
export const API_TOKEN_PREFIX = 'kwt_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 12;
const SECRET_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const TOKEN_PATTERN = new RegExp(`^${API_TOKEN_PREFIX}[0-9A-Za-z]{${ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH}}$`);

export interface NewApiToken {
  readonly apiTokenId: string;
  /** The whole token, shown once. */
  readonly token: string;
  /** What is stored: the SHA-256 of the token (base64url). */
  readonly tokenHash: string;
}

/** Fills a buffer with cryptographically secure random bytes (crypto.randomBytes). */
export type TokenRandomBytes = (size: number) => Uint8Array;

export function newApiToken(randomBytes: TokenRandomBytes): NewApiToken {
  return composeApiToken(base62(randomBytes, ID_LENGTH), base62(randomBytes, SECRET_LENGTH));
}

/** The token for an id and a secret, with its checksum. */
export function composeApiToken(apiTokenId: string, secret: string): NewApiToken {
  const body = `${API_TOKEN_PREFIX}${apiTokenId}${secret}`;
  const token = `${body}${checksumOf(body)}`;
  return { apiTokenId, token, tokenHash: apiTokenHash(token) };
}

/** The token id a well-formed token names, or null (wrong shape, or a checksum that does not match). */
export function apiTokenIdOf(token: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const body = token.slice(0, -CHECKSUM_LENGTH);
  if (checksumOf(body) !== token.slice(-CHECKSUM_LENGTH)) return null;
  return token.slice(API_TOKEN_PREFIX.length, API_TOKEN_PREFIX.length + ID_LENGTH);
}

export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Whether `token` is the one whose hash was stored, compared in constant time. */
export function isApiTokenHash(token: string, storedHash: string): boolean {
  const actual = Buffer.from(apiTokenHash(token));
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** `length` base62 symbols, unbiased: bytes of 248 and above (62 × 4) are drawn again. */
function base62(randomBytes: TokenRandomBytes, length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksumOf(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}
