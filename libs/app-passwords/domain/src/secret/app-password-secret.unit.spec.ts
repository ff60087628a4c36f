import { randomBytes } from 'node:crypto';
import { groupForDisplay, newAppPasswordSecret, parseAppPassword, SECRET_ALPHABET } from './app-password-secret';

describe('app password secrets', () => {
  it('are 32 typeable characters that start with kw and use no look-alike symbols', () => {
    const { password } = newAppPasswordSecret(randomBytes);
    expect(password).toMatch(/^kw[a-km-np-z2-9]{30}$/);
    expect(SECRET_ALPHABET).not.toMatch(/[01lo]/);
    expect(new Set(SECRET_ALPHABET).size).toBe(32);
  });

  it('parse back to their key id and secret with a valid checksum', () => {
    const generated = newAppPasswordSecret(randomBytes);
    expect(parseAppPassword(generated.password)).toEqual({
      kind: 'parsed',
      keyId: generated.keyId,
      secret: generated.secret,
      isChecksumValid: true,
    });
  });

  it('ignore spaces and case, as users type them from the grouped display', () => {
    const generated = newAppPasswordSecret(randomBytes);
    const typed = groupForDisplay(generated.password).toUpperCase();
    expect(typed).toMatch(/^(\S{4} ){7}\S{4}$/);
    expect(parseAppPassword(typed)).toMatchObject({ kind: 'parsed', isChecksumValid: true });
  });

  it.each([
    ['a trailing newline', (p: string) => `${p}\n`],
    ['non-breaking spaces', (p: string) => groupForDisplay(p).replace(/ /g, '\u00a0')],
    ['zero-width spaces', (p: string) => p.split('').join('\u200b')],
    ['a zero-width joiner, a word joiner and a soft hyphen', (p: string) => `${p.slice(0, 8)}\u200d${p.slice(8, 16)}\u2060${p.slice(16)}\u00ad`],
    ['a byte-order mark', (p: string) => `\ufeff${p}`],
  ])('ignore the hidden characters a copy and paste brings along: %s', (_what, pasted) => {
    const generated = newAppPasswordSecret(randomBytes);
    const input = pasted(generated.password);
    expect(input).not.toBe(generated.password);
    expect(parseAppPassword(input)).toEqual({ kind: 'parsed', keyId: generated.keyId, secret: generated.secret, isChecksumValid: true });
  });

  it('are ASCII: a look-alike that lowercases to a letter of the alphabet (the Kelvin sign, U+212A) is malformed', () => {
    const { password } = newAppPasswordSecret(randomBytes);
    const withKelvin = password.replace(/k/, '\u212a');
    expect(withKelvin).not.toBe(password);
    expect(parseAppPassword(withKelvin)).toEqual({ kind: 'malformed' });
  });

  it('tell a typo in the secret from a well-formed password (the checksum fails)', () => {
    const generated = newAppPasswordSecret((size) => new Uint8Array(size).fill(7));
    const typo = generated.password.slice(0, 20) + (generated.password[20] === 'a' ? 'b' : 'a') + generated.password.slice(21);
    expect(parseAppPassword(typo)).toMatchObject({ kind: 'parsed', keyId: generated.keyId, isChecksumValid: false });
  });

  it.each(['', 'kw', 'x'.repeat(10_000), 'kwaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0', 'zzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'kwaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1'])(
    'call %j malformed',
    (input) => {
      expect(parseAppPassword(input)).toEqual({ kind: 'malformed' });
    },
  );

  it('draw every symbol of the alphabet over many generations (no bias towards a subset)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of newAppPasswordSecret(randomBytes).secret) seen.add(c);
    expect(seen.size).toBe(32);
  });
});
