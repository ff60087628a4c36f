import { Buffer } from 'node:buffer';
import { HASH_SIZE } from './hashing';

// The strict readings every parser here shares: one spelling per value, so a file that parses is
// the file that was written.

type ErrorClass = new (message: string) => Error;

/** A decimal from 0 to 2^53 − 1 with no sign, no leading zero and nothing around it. */
export function parseDecimal(text: string, what: string, Failure: ErrorClass): number {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) {
    throw new Failure(`${what} must be a decimal number without sign or leading zeros, not ${JSON.stringify(text)}`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Failure(`${what} ${text} is larger than 2^53 - 1`);
  return value;
}

/** Standard base64 (RFC 4648 §4) with padding, in its one canonical spelling; null otherwise. */
export function decodeBase64(text: string): Buffer | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** A base64 SHA-256 hash. */
export function parseHash(text: string, what: string, Failure: ErrorClass): Buffer {
  const hash = decodeBase64(text);
  if (hash === null) throw new Failure(`${what} is not standard base64: ${JSON.stringify(text)}`);
  if (hash.length !== HASH_SIZE) throw new Failure(`${what} is ${hash.length} bytes, not a ${HASH_SIZE}-byte hash`);
  return hash;
}

/** The lines of a text that must end in a newline, without that last newline. */
export function linesOf(text: string, what: string, Failure: ErrorClass): string[] {
  if (!text.endsWith('\n')) throw new Failure(`${what} must end with a newline`);
  return text.slice(0, -1).split('\n');
}

/** The first control character other than newline, or a lone UTF-16 surrogate (text that is not UTF-8); -1 if none. */
export function indexOfForbiddenCharacter(text: string): number {
  return text.search(/[\u0000-\u0009\u000b-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
}
