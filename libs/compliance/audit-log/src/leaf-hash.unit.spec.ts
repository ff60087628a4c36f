import fc from 'fast-check';
import { leafHash } from '@keyward/shared/transparency';
import { leafHashOfJson } from './leaf-hash';

describe('the leaf hash of a record', () => {
  it('given any text (non-ASCII and NUL included), then it is the RFC 6962 leaf hash of its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(leafHashOfJson(text).equals(leafHash(Buffer.from(text, 'utf8')))).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(leafHashOfJson('').equals(leafHash(Buffer.alloc(0)))).toBe(true);
  });
});
