import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { apiTokenHash, apiTokenIdOf, isApiTokenHash, newApiToken } from './api-token-secret';

describe('API token secrets', () => {
  it('are kwt_ and 50 base62 characters that a secret scanner matches exactly', () => {
    const { token } = newApiToken(randomBytes);
    expect(token).toMatch(/^kwt_[0-9A-Za-z]{50}$/);
  });

  it('name their token id, and only the token whose hash was stored matches it', () => {
    const { apiTokenId, token, tokenHash } = newApiToken(randomBytes);
    expect(apiTokenIdOf(token)).toBe(apiTokenId);
    expect(tokenHash).toBe(apiTokenHash(token));
    expect(isApiTokenHash(token, tokenHash)).toBe(true);
    expect(isApiTokenHash(newApiToken(randomBytes).token, tokenHash)).toBe(false);
  });

  it('for any one character changed, the checksum refuses the token before anything is read', () => {
    const { token } = newApiToken(randomBytes);
    fc.assert(
      fc.property(fc.integer({ min: 4, max: token.length - 1 }), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), (at, symbol) => {
        fc.pre(token[at] !== symbol);
        expect(apiTokenIdOf(token.slice(0, at) + symbol + token.slice(at + 1))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('for any text, reading a token id never throws, and only the token shape passes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const id = apiTokenIdOf(text);
        if (id !== null) expect(text).toMatch(/^kwt_[0-9A-Za-z]{50}$/);
      }),
      { numRuns: 500 },
    );
  });

  it('draw ids and secrets from all 62 symbols', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newApiToken(randomBytes).token.slice(4)).join(''));
    expect(seen.size).toBe(62);
  });
});
