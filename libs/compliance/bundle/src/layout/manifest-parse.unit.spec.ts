import { BundleFailure } from '../verify/verify-result';
import { parseManifest } from './manifest-parse';

const ROOT = Buffer.alloc(32, 9).toString('base64');
const HASH = 'a'.repeat(64);
const rangeManifest = {
  format: 'keyward-bundle/1',
  tenantId: 't1',
  origin: 'keyward.test/contoso',
  kind: 'audit-log',
  range: { from: 2, to: 5 },
  generatedAt: '2026-03-02T09:30:00.000Z',
  software: { name: 'keyward', version: '0.1.0' },
  checkpoint: { size: 9, rootHash: ROOT },
  records: 3,
  files: { 'checkpoint.txt': HASH },
};
const usageManifest = { ...rangeManifest, kind: 'usage', range: undefined, filter: { user: 'alice@contoso.example' }, indexes: [1, 4, 8] };

function failureOf(manifest: unknown): unknown {
  try {
    parseManifest(JSON.stringify(manifest));
    return null;
  } catch (error) {
    return (error as BundleFailure).failure;
  }
}

describe('parseManifest', () => {
  it('given a range manifest and a filtered one, when parsed, then they are read as written', () => {
    expect(parseManifest(JSON.stringify(rangeManifest))).toEqual(rangeManifest);
    expect(parseManifest(JSON.stringify(usageManifest))).toEqual(JSON.parse(JSON.stringify(usageManifest)));
  });

  it.each([
    ['not JSON', '{', /^not JSON/],
    ['another format', { ...rangeManifest, format: 'keyward-bundle/2' }, /format "keyward-bundle\/2" is not keyward-bundle\/1/],
    ['an unknown kind', { ...rangeManifest, kind: 'everything' }, /kind "everything" is not one of/],
    ['no tenant', { ...rangeManifest, tenantId: '' }, /tenantId is missing/],
    ['a range whose length is not the record count', { ...rangeManifest, records: 4 }, /range \[2, 5\) holds 3 records, "records" says 4/],
    ['a range ending before it starts', { ...rangeManifest, range: { from: 5, to: 2 } }, /ends before it starts/],
    ['a root hash that is not a hash', { ...rangeManifest, checkpoint: { size: 9, rootHash: 'AAAA' } }, /not a base64 SHA-256/],
    ['a negative size', { ...rangeManifest, checkpoint: { size: -1, rootHash: ROOT } }, /checkpoint.size is not a whole number/],
    ['a file hash that is not hex SHA-256', { ...rangeManifest, files: { 'checkpoint.txt': 'abc' } }, /files\["checkpoint.txt"\] is not a SHA-256/],
    ['a filtered bundle with a range', { ...usageManifest, range: { from: 0, to: 3 } }, /is filtered: it has indexes, not a range/],
    ['a filtered bundle without indexes', { ...usageManifest, indexes: undefined }, /lists the leaf index of every record/],
    ['a sinceSize past the checkpoint', { ...rangeManifest, sinceSize: 10 }, /sinceSize 10 is bigger than the checkpoint's size 9/],
  ])('given %s, when parsed, then manifest.json fails and says why', (_, manifest, reason) => {
    expect(typeof manifest === 'string' ? failureOf2(manifest) : failureOf(manifest)).toEqual({ file: 'manifest.json', reason: expect.stringMatching(reason) });
  });

  it.each([
    ['a duplicate', [1, 4, 4], 4, /listed in manifest.json twice/],
    ['a record out of order', [1, 8, 4], 4, /listed in manifest.json after leaf 8/],
    ['a leaf past the checkpoint', [1, 4, 9], 9, /not in the checkpoint's 9 leaves/],
  ])('given filtered indexes with %s, when parsed, then the failure names that leaf', (_, indexes, index, reason) => {
    expect(failureOf({ ...usageManifest, indexes })).toEqual({ index, file: 'manifest.json', reason: expect.stringMatching(reason) });
  });

  it.each([
    ['a duplicate', [2, 2, 4], 2, /a duplicate/],
    ['a gap', [2, 4, 5], 4, /a gap: leaf 3 is missing/],
  ])('given a range that also lists its indexes, with %s, when parsed, then the failure names that leaf', (_, indexes, index, reason) => {
    expect(failureOf({ ...rangeManifest, indexes })).toEqual({ index, file: 'manifest.json', reason: expect.stringMatching(reason) });
  });
});

function failureOf2(text: string): unknown {
  try {
    parseManifest(text);
    return null;
  } catch (error) {
    return (error as BundleFailure).failure;
  }
}
