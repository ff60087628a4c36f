import { randomBytes } from 'node:crypto';
import { DomainError } from '@keyward/shared/domain';
import { composeAppPassword, groupForDisplay, newAppPasswordSecret, SECRET_ALPHABET } from '@keyward/app-passwords/domain';
import { CandidateStream, findAppPasswordCandidates, MAX_CANDIDATES, MAX_CHECKSUM_FAILURES } from './app-password-candidates';

const generated = () => newAppPasswordSecret(randomBytes);
const passwordsIn = (text: string) => findAppPasswordCandidates(text).map((candidate) => candidate.password);

/** Deterministic noise: prose-like words, punctuation and line breaks (a small xorshift PRNG). */
function noise(length: number, seed = 7): string {
  const words = ['the', 'mail', 'client', 'password', 'is', 'kwanza', 'kiwi', 'key:', 'token=', '(see', 'below)', 'Kw', '2024', 'é', '--', 'KWH', '"quoted"'];
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return Math.abs(state);
  };
  let text = '';
  while (text.length < length) text += words[next() % words.length] + (next() % 9 === 0 ? '\n' : ' ');
  return text.slice(0, length);
}

/** Hard-wraps text at `column`, as a mail client or a terminal does. */
const wrapAt = (text: string, column: number, newline = '\n') => (text.match(new RegExp(`[^]{1,${column}}`, 'g')) ?? []).join(newline);

describe('finding app passwords in text', () => {
  it('given a password alone, when scanned, then it is found with its key id and secret', () => {
    const password = generated();
    expect(findAppPasswordCandidates(password.password)).toEqual([{ password: password.password, keyId: password.keyId, secret: password.secret }]);
  });

  it('given passwords embedded in noise, in one piece and in groups of four, when scanned, then each is found', () => {
    const [a, b, c] = [generated(), generated(), generated()];
    const text = `${noise(500)} ${a.password} ${noise(300, 3)}\n${groupForDisplay(b.password)}\n${noise(200, 5)}: ${groupForDisplay(c.password).replace(/ /g, '-')}.`;
    expect(passwordsIn(text).sort()).toEqual([a.password, b.password, c.password].sort());
  });

  it.each([7, 13, 29, 31, 37])('given text hard-wrapped at column %i, when scanned, then every password is still found', (column) => {
    const passwords = [generated(), generated(), generated(), generated()];
    const text = `${noise(120)} ${passwords[0].password} ${noise(50, 2)} ${groupForDisplay(passwords[1].password)}, ${noise(70, 4)} ${groupForDisplay(passwords[2].password).replace(/ /g, '-')} ${noise(40, 9)} ${passwords[3].password.toUpperCase()}`;
    expect(passwordsIn(wrapAt(text, column)).sort()).toEqual(passwords.map((p) => p.password).sort());
    expect(passwordsIn(wrapAt(text, column, '\r\n    ')).sort()).toEqual(passwords.map((p) => p.password).sort());
  });

  it('given upper and mixed case, when scanned, then the password is found in lowercase', () => {
    const password = generated();
    const mixed = [...groupForDisplay(password.password)].map((char, index) => (index % 2 ? char.toUpperCase() : char)).join('');
    expect(passwordsIn(`${groupForDisplay(password.password).toUpperCase()} and ${mixed}`)).toEqual([password.password]);
  });

  it.each([
    ['quoted', (p: string) => `"${p}"`],
    ['in brackets', (p: string) => `(${p})`],
    ['after a colon', (p: string) => `password:${p}`],
    ['in an env file', (p: string) => `APP_PASSWORD=${p}\nNEXT=1`],
    ['at the end of a sentence', (p: string) => `It is ${p}.`],
    ['in JSON', (p: string) => JSON.stringify({ user: 'alice@contoso.example', password: p })],
    ['between non-breaking spaces and en dashes', (p: string) => groupForDisplay(p).replace(/ /g, '\u00a0–\u00a0')],
    ['in a URL', (p: string) => `imaps://alice%40contoso.example:${p}@mail.contoso.example`],
  ])('given a password %s, when scanned, then it is found', (_where, embed) => {
    const password = generated();
    expect(passwordsIn(embed(password.password))).toEqual([password.password]);
  });

  it('given the same password several times and in several forms, when scanned, then it is counted once', () => {
    const password = generated();
    const text = [password.password, groupForDisplay(password.password), password.password.toUpperCase(), wrapAt(password.password, 11)].join(' / ');
    expect(passwordsIn(text)).toEqual([password.password]);
  });

  describe('false positives', () => {
    it('given a wrong checksum, when scanned, then nothing is found', () => {
      const { password } = generated();
      const last = password[31];
      const wrong = password.slice(0, 31) + SECRET_ALPHABET[(SECRET_ALPHABET.indexOf(last) + 1) % 32];
      expect(passwordsIn(`${wrong} ${groupForDisplay(wrong)}`)).toEqual([]);
    });

    it('given a password one symbol short or long, or glued to other letters, when scanned, then nothing is found', () => {
      const { password } = generated();
      expect(passwordsIn(password.slice(0, 31))).toEqual([]);
      expect(passwordsIn(password.slice(0, 31) + ' ' + password.slice(1))).toEqual([]);
      expect(passwordsIn(`${password}a`)).toEqual([]);
      expect(passwordsIn(`${password}2`)).toEqual([]);
      expect(passwordsIn(`x${password}`)).toEqual([]);
      expect(passwordsIn(`9${password}`)).toEqual([]);
    });

    it('given spaces inside a group (not a line wrap), when scanned, then nothing is found', () => {
      const { password } = generated();
      expect(passwordsIn(`${password.slice(0, 6)} ${password.slice(6)}`)).toEqual([]);
      expect(passwordsIn(password.split('').join(' '))).toEqual([]);
    });

    it('given look-alike symbols that the alphabet leaves out, when scanned, then nothing is found', () => {
      const keyId = 'abcdefghij';
      const secret = 'kmnpqrstuvwxyz2345';
      const valid = composeAppPassword(keyId, secret).password;
      expect(passwordsIn(valid)).toEqual([valid]);
      for (const lookAlike of ['0', '1', 'l', 'o', 'O', 'L']) expect(passwordsIn(valid.slice(0, 10) + lookAlike + valid.slice(11))).toEqual([]);
    });

    it('given words and a megabyte of random text, when scanned, then nothing is found', () => {
      expect(passwordsIn('kwanza kwashiorkor Kwakiutl KW kwh kW kwabcdefghijk mnpqrstu')).toEqual([]);
      expect(passwordsIn(noise(1_000_000, 11))).toEqual([]);
      expect(passwordsIn(randomBytes(750_000).toString('base64'))).toEqual([]);
      expect(passwordsIn(Array.from(randomBytes(1_000_000), (byte) => SECRET_ALPHABET[byte % 32] + (byte % 5 === 0 ? ' ' : '')).join(''))).toHaveLength(0);
    });
  });

  describe('limits', () => {
    const many = (count: number) => Array.from({ length: count }, () => generated().password).join('\n');

    it(`given ${MAX_CANDIDATES} passwords, when scanned, then all are found`, () => {
      expect(findAppPasswordCandidates(many(MAX_CANDIDATES))).toHaveLength(MAX_CANDIDATES);
    });

    it(`given ${MAX_CANDIDATES + 1} passwords, when scanned, then it is BAD_USER_INPUT with the limit in the message`, () => {
      expect(() => findAppPasswordCandidates(many(MAX_CANDIDATES + 1))).toThrow(DomainError);
      expect(() => findAppPasswordCandidates(many(MAX_CANDIDATES + 1))).toThrow(/more than 1,000 app passwords/);
    });

    it.each([
      ['k/w on separate lines', 'kw\n'],
      ['word-starting ks', 'k '],
      ['groups that never end', 'kwab '],
      ['one symbol run', 'kwabcdefgh'],
      ['dashes', 'kwab----'],
    ])('given 5 MB of adversarial text (%s), when scanned, then it takes well under two seconds', (_what, unit) => {
      const text = unit.repeat(Math.ceil(5_000_000 / unit.length));
      const started = performance.now();
      expect(findAppPasswordCandidates(text)).toEqual([]);
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it('given megabytes of distinct well-formed strings with wrong checksums, when scanned, then it is refused early instead of hashing each', () => {
      let state = 99;
      const symbol = () => {
        state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
        return SECRET_ALPHABET[state >>> 27];
      };
      const text = Array.from({ length: 1_000_000 }, () => `kw${symbol()}${symbol()}`).join(' ');
      const started = performance.now();
      expect(() => findAppPasswordCandidates(text)).toThrow(new RegExp(`more than ${MAX_CHECKSUM_FAILURES.toLocaleString('en')} strings shaped like app passwords`));
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });

  describe('text that arrives in pieces', () => {
    it('given a password split across pieces at every position, when streamed, then it is found once', () => {
      const password = generated();
      const text = `${noise(300)} ${groupForDisplay(password.password)} ${noise(300, 2)}`;
      for (let cut = 250; cut < 400; cut++) {
        const stream = new CandidateStream();
        stream.push(text.slice(0, cut));
        stream.push(text.slice(cut));
        expect(stream.end().map((candidate) => candidate.password)).toEqual([password.password]);
      }
    });

    it('given pieces of odd sizes, some tiny, when streamed, then it finds what one scan of the whole finds', () => {
      const passwords = Array.from({ length: 40 }, () => generated());
      const text = passwords.map((p, index) => `${noise(97 + index * 13, index + 1)} ${index % 2 ? groupForDisplay(p.password) : wrapAt(p.password, 5)}`).join(' ');
      const stream = new CandidateStream();
      for (let at = 0, size = 1; at < text.length; at += size, size = (size * 7 + 3) % 211) stream.push(text.slice(at, at + size));
      expect(stream.end().map((candidate) => candidate.password)).toEqual(passwordsIn(text));
      expect(passwordsIn(text)).toHaveLength(40);
    });
  });
});
