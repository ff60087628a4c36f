import fc from 'fast-check';
import {
  CHECKSUM_LENGTH,
  composeAppPassword,
  groupForDisplay,
  KEY_ID_LENGTH,
  newAppPasswordSecret,
  parseAppPassword,
  SECRET_ALPHABET,
  SECRET_LENGTH,
} from './app-password-secret';

const symbols = (length: number) => fc.string({ unit: fc.constantFrom(...SECRET_ALPHABET), minLength: length, maxLength: length });
const keyId = symbols(KEY_ID_LENGTH);
const secret = symbols(SECRET_LENGTH);

/** What newAppPasswordSecret draws from: the bytes the injected CSPRNG hands out, in order. */
const randomBytesFrom = (bytes: Uint8Array) => {
  let offset = 0;
  return (size: number) => bytes.subarray(offset, (offset += size));
};

/** Characters that trip parsers: controls, separators, bidi and zero-width marks, lone surrogates, case-folding oddities (Kelvin sign, dotted I). */
const ODD = ['\u0000', '\t', '\n', '\r', '\u000b', '\u0085', '\u00a0', '\u00ad', '\u1680', '\u2028', '\u202e', '\u200b', '\ufeff', '\u3000', '\ud800', '\udc00', '\u212a', '\u0130', 'ß', 'K', 'W', '-', ' ', '0', '1', 'l', 'o'];
/** A real password with a few odd characters put in or over it: what a copy and paste mangles. */
const mangled = fc
  .tuple(keyId, secret, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD), fc.boolean()), { maxLength: 4 }))
  .map(([k, s, edits]) =>
    edits.reduce((text, [at, c, isReplacing]) => text.slice(0, at % (text.length + 1)) + c + text.slice((at % (text.length + 1)) + (isReplacing ? 1 : 0)), composeAppPassword(k, s).password),
  );
const anyText = fc.oneof(
  { arbitrary: mangled, weight: 4 },
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: fc.constantFrom(...ODD, ...SECRET_ALPHABET), minLength: 28, maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 2000 }),
);

/** A password as a person might type it back: any case, with blanks and hyphens between the symbols. */
const retyped = (password: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: password.length, maxLength: password.length }),
      fc.array(fc.string({ unit: fc.constantFrom(' ', '-', '\t', '\n', '\u00a0'), maxLength: 3 }), { minLength: password.length + 1, maxLength: password.length + 1 }),
    )
    .map(([upper, gaps]) => gaps[0] + [...password].map((c, i) => (upper[i] ? c.toUpperCase() : c) + gaps[i + 1]).join(''));

const onlyAlphabet = (value: string) => [...value].every((c) => SECRET_ALPHABET.includes(c));

describe('app password secrets, over random input', () => {
  it('for any string at all (unicode, lone surrogates, thousands of characters), parsing never throws and yields malformed or a key id and secret of the alphabet', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const parsed = parseAppPassword(input);
        if (parsed.kind === 'malformed') return;
        expect(parsed.keyId).toHaveLength(KEY_ID_LENGTH);
        expect(parsed.secret).toHaveLength(SECRET_LENGTH);
        expect(onlyAlphabet(parsed.keyId + parsed.secret)).toBe(true);
        expect(typeof parsed.isChecksumValid).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('for any bytes from the random source, the new password is kw + 30 symbols, the key id and secret are the bytes modulo 32, and it parses back with a valid checksum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: KEY_ID_LENGTH + SECRET_LENGTH, maxLength: KEY_ID_LENGTH + SECRET_LENGTH }), (bytes) => {
        const generated = newAppPasswordSecret(randomBytesFrom(bytes));
        expect(generated.password).toMatch(/^kw[a-km-np-z2-9]{30}$/);
        expect(generated.keyId + generated.secret).toBe(Array.from(bytes, (byte) => SECRET_ALPHABET[byte % 32]).join(''));
        expect(parseAppPassword(generated.password)).toEqual({ kind: 'parsed', keyId: generated.keyId, secret: generated.secret, isChecksumValid: true });
      }),
      { numRuns: 300 },
    );
  });

  it('for any key id and secret, the password parses back to them with a valid checksum, also as grouped for display, upper-cased, or retyped with blanks and hyphens', () => {
    fc.assert(
      fc.property(
        keyId.chain((k) => secret.chain((s) => retyped(composeAppPassword(k, s).password).map((typed) => ({ k, s, typed })))),
        ({ k, s, typed }) => {
          const { password } = composeAppPassword(k, s);
          const expected = { kind: 'parsed', keyId: k, secret: s, isChecksumValid: true };
          expect(parseAppPassword(password)).toEqual(expected);
          expect(parseAppPassword(groupForDisplay(password))).toEqual(expected);
          expect(parseAppPassword(groupForDisplay(password).toUpperCase())).toEqual(expected);
          expect(parseAppPassword(typed)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('for any password, grouping it for display makes groups of four that join back to it', () => {
    fc.assert(
      fc.property(keyId, secret, (k, s) => {
        const { password } = composeAppPassword(k, s);
        const grouped = groupForDisplay(password);
        expect(grouped).toMatch(/^(\S{4} ){7}\S{4}$/);
        expect(grouped.replace(/ /g, '')).toBe(password);
      }),
      { numRuns: 200 },
    );
  });

  it('for any input longer than 256 characters, even a valid password padded with blanks, it is malformed', () => {
    fc.assert(
      fc.property(keyId, secret, fc.integer({ min: 257, max: 5000 }), fc.boolean(), (k, s, length, isPaddedBefore) => {
        const { password } = composeAppPassword(k, s);
        const padding = ' '.repeat(length - password.length);
        expect(parseAppPassword(isPaddedBefore ? padding + password : password + padding)).toEqual({ kind: 'malformed' });
        expect(parseAppPassword(password + ' '.repeat(256 - password.length))).toMatchObject({ kind: 'parsed', isChecksumValid: true });
      }),
      { numRuns: 200 },
    );
  });

  it('for any password, replacing its two checksum symbols by any other pair of the alphabet makes the checksum invalid, and the key id and secret are still read', () => {
    fc.assert(
      fc.property(keyId, secret, symbols(CHECKSUM_LENGTH), (k, s, otherSum) => {
        const { password } = composeAppPassword(k, s);
        const sum = password.slice(-CHECKSUM_LENGTH);
        fc.pre(otherSum !== sum);
        expect(parseAppPassword(password.slice(0, -CHECKSUM_LENGTH) + otherSum)).toEqual({ kind: 'parsed', keyId: k, secret: s, isChecksumValid: false });
      }),
      { numRuns: 500 },
    );
  });

  it('for any password with one symbol replaced by a character outside the alphabet (look-alikes 0 1 l o included), it is malformed', () => {
    fc.assert(
      fc.property(keyId, secret, fc.nat(), fc.constantFrom('0', '1', 'l', 'o', '_', '.', 'é', '\u0000', '\u200b', '\ud800'), (k, s, at, intruder) => {
        const { password } = composeAppPassword(k, s);
        const index = 2 + (at % (password.length - 2));
        expect(parseAppPassword(password.slice(0, index) + intruder + password.slice(index + 1))).toEqual({ kind: 'malformed' });
      }),
      { numRuns: 300 },
    );
  });
});
