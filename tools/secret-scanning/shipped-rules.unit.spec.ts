import { randomBytes } from 'node:crypto';
import { groupForDisplay, newAppPasswordSecret, parseAppPassword } from '@keyward/app-passwords/domain';
import { apiTokenIdOf, newApiToken } from '@keyward/identity/domain';
import { asJavaScript, gitleaksRegex, trufflehogRegex } from './shipped-rules';

const passwords = Array.from({ length: 2000 }, () => newAppPasswordSecret(randomBytes).password);
/** Every way the console shows and people write a password. */
const WRITINGS: [string, (password: string) => string][] = [
  ['in one piece', (p) => p],
  ['in groups of four', (p) => groupForDisplay(p)],
  ['with dashes', (p) => groupForDisplay(p).replace(/ /g, '-')],
  ['in capitals', (p) => groupForDisplay(p).toUpperCase()],
  ['in mixed case', (p) => [...p].map((c, i) => (i % 3 ? c : c.toUpperCase())).join('')],
];
const EMBEDDINGS: ((written: string) => string)[] = [(w) => w, (w) => `password = "${w}"`, (w) => `APP_PASSWORD=${w}\n`, (w) => `see (${w}).`, (w) => `{"pw":"${w}"}`];

describe.each([
  ['the gitleaks rule', gitleaksRegex],
  ['the trufflehog detector', trufflehogRegex],
])('%s, as shipped in docs/secret-scanning', (_name, regexOf) => {
  const regex = () => asJavaScript(regexOf());

  it('is RE2: no look-around, no back-references', () => {
    expect(() => asJavaScript(regexOf())).not.toThrow();
    expect(regexOf()).toBe(gitleaksRegex());
  });

  it.each(WRITINGS)('finds each of 2,000 generated app passwords written %s, whatever surrounds it, and nothing more', (_how, write) => {
    passwords.forEach((password, index) => {
      const text = EMBEDDINGS[index % EMBEDDINGS.length](write(password));
      const matches = [...text.matchAll(regex())];
      expect(matches).toHaveLength(1);
      // What a scanner reports (gitleaks' secret group, trufflehog's whole match) parses back to the password.
      expect(matches[0][1]).toBe(matches[0][0]);
      const parsed = parseAppPassword(matches[0][1]);
      expect(parsed).toMatchObject({ kind: 'parsed', isChecksumValid: true });
      expect(matches[0][1].replace(/[ -]/g, '').toLowerCase()).toBe(password);
    });
  });

  it.each([
    ['one symbol short', (p: string) => p.slice(0, 31)],
    ['one symbol long', (p: string) => `${p}a`],
    ['glued to a word before it', (p: string) => `x${p}`],
    ['with a look-alike symbol', (p: string) => `${p.slice(0, 10)}0${p.slice(11)}`],
    ['with an L', (p: string) => `${p.slice(0, 10)}L${p.slice(11)}`],
    ['spaced inside a group', (p: string) => `${p.slice(0, 6)} ${p.slice(6)}`],
  ])('finds nothing %s', (_how, spoil) => {
    for (const password of passwords.slice(0, 200)) expect(spoil(password).match(regex())).toBeNull();
  });

  it('finds nothing in words that start with kw', () => {
    expect('kwanza kwashiorkor Kwakiutl kWh kwargs=None'.match(regex())).toBeNull();
  });
});

describe.each([
  ['the gitleaks rule', () => gitleaksRegex('keyward-api-token')],
  ['the trufflehog detector', () => trufflehogRegex('apiToken')],
])('%s for API tokens, as shipped in docs/secret-scanning', (_name, regexOf) => {
  const tokens = Array.from({ length: 2000 }, () => newApiToken(randomBytes).token);
  const regex = () => asJavaScript(regexOf());

  it('is RE2, and the same in both files', () => {
    expect(() => asJavaScript(regexOf())).not.toThrow();
    expect(regexOf()).toBe(gitleaksRegex('keyward-api-token'));
  });

  it('finds each of 2,000 generated tokens, whatever surrounds it, and nothing more; what it reports names the token', () => {
    tokens.forEach((token, index) => {
      const text = EMBEDDINGS[index % EMBEDDINGS.length](token).replace('password', 'token');
      const matches = [...text.matchAll(regex())];
      expect(matches).toHaveLength(1);
      expect(matches[0][1]).toBe(token);
      expect(apiTokenIdOf(matches[0][1])).not.toBeNull();
    });
  });

  it.each([
    ['one symbol short', (t: string) => t.slice(0, -1)],
    ['one symbol long', (t: string) => `${t}a`],
    ['glued to a word before it', (t: string) => `x${t}`],
    ['with another prefix', (t: string) => t.replace('kwt_', 'kwx_')],
  ])('finds nothing %s', (_how, spoil) => {
    for (const token of tokens.slice(0, 200)) expect(spoil(token).match(regex())).toBeNull();
  });
});
