import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('given any JSON value (integer-like keys, unicode, numbers of every size included), then it is exactly what the canonicalize library writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('given objects whose keys were added in any order, with undefined members, then the keys come sorted and the undefined ones are left out, as the library does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.option(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(undefined)), { nil: null })), (value) => {
        expect(canonicalJson({ nested: value, list: [value, undefined] })).toBe(canonicalize({ nested: value, list: [value, undefined] }));
      }),
      { numRuns: 1000 },
    );
  });

  it('given a value whose keys already come in canonical order (parsed back from canonical JSON), then it is written as it was', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalize(value) as string;
        const parsed: unknown = JSON.parse(canonical);
        expect(canonicalJson(parsed)).toBe(canonical);
        expect(canonicalJson({ inner: parsed, list: [parsed, { a: 1, b: parsed }] })).toBe(canonicalize({ inner: parsed, list: [parsed, { a: 1, b: parsed }] }));
      }),
      { numRuns: 1000 },
    );
  });

  it('given a sorted object holding an unsorted one, then only the unsorted one is reordered and the value given is left as it was', () => {
    const value = { a: { z: 1, y: [{ d: 1, c: undefined, b: 2 }] }, b: 'x' };
    const before = JSON.stringify(value);
    expect(canonicalJson(value)).toBe('{"a":{"y":[{"b":2,"d":1}],"z":1},"b":"x"}');
    expect(JSON.stringify(value)).toBe(before);
    expect(Object.keys(value.a)).toEqual(['z', 'y']);
  });

  it('given an integer-like key, a __proto__ key or a Date, then the library writes it', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y' })).toBe('{"10":"x","9":"y","b":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"a":1},"z":0}'))).toBe('{"__proto__":{"a":1},"z":0}');
    expect(canonicalJson({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
  });

  it('given a number that JSON cannot hold, then it refuses it as the library does', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson([Infinity])).toThrow();
  });
});
