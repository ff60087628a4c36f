import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { formatConsistencyProof, parseConsistencyProof } from './consistency-proof-file';
import { createNoteKey, noteSigner } from './note-keys';
import { ProofError } from './proof-error';
import { verifyConsistency, verifyInclusion } from './proof-verification';
import { formatRangeProof, parseRangeProof } from './range-proof-file';
import { rootFromRange } from './range-root-builder';
import { openNote, signNote } from './signed-note';
import { MemoryTiles, sampleLeaves } from './testing/naive-merkle';
import { formatTlogProof, parseTlogProof } from './tlog-proof-file';
import { TreeReader } from './tree-reader';

const ORIGIN = 'keyward.example/audit/contoso';
const key = createNoteKey(ORIGIN);
const signer = noteSigner(ORIGIN, key.privateKeyPem);
const leaves = sampleLeaves(1_000);
const reader = new TreeReader(new MemoryTiles().append(leaves), leaves.length);
const signedCheckpoint = (size: number) => signNote(formatCheckpoint({ origin: ORIGIN, size, rootHash: reader.rootHash(size) }), [signer]);

const hash = (fill: number) => Buffer.alloc(32, fill);
const HASH_LINE = hash(7).toString('base64');

describe('tlog-proof files', () => {
  it('given a leaf of a signed checkpoint, the file carries what an offline verifier needs to prove it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: leaves.length }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))), ([size, index]) => {
        const file = formatTlogProof({ index, hashes: reader.inclusionProof(index, size), checkpoint: signedCheckpoint(size) });
        const proof = parseTlogProof(file);
        const checkpoint = parseCheckpoint(openNote(proof.checkpoint, [key.verifierKey]).text);
        expect(verifyInclusion(leaves[proof.index], proof.index, checkpoint.size, proof.hashes, checkpoint.rootHash)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('given the layout of c2sp.org/tlog-proof@v1, with and without extra data, it is written and read back exactly', () => {
    const checkpoint = signedCheckpoint(3);
    const file = formatTlogProof({ index: 2, hashes: [hash(1), hash(2)], checkpoint, extra: Buffer.from('context') });
    expect(file).toBe(`c2sp.org/tlog-proof@v1\nextra Y29udGV4dA==\nindex 2\n${hash(1).toString('base64')}\n${hash(2).toString('base64')}\n\n${checkpoint}`);
    expect(parseTlogProof(file)).toEqual({ index: 2, hashes: [hash(1), hash(2)], checkpoint, extra: Buffer.from('context') });
    expect(parseTlogProof(formatTlogProof({ index: 0, hashes: [], checkpoint }))).toEqual({ index: 0, hashes: [], checkpoint });
  });

  it.each([
    ['another header', 'c2sp.org/tlog-proof@v2\nindex 0\n\nc\n', /first line must be "c2sp.org\/tlog-proof@v1"/],
    ['no empty line', 'c2sp.org/tlog-proof@v1\nindex 0\n', /empty line before its checkpoint/],
    ['no index line', `c2sp.org/tlog-proof@v1\n${HASH_LINE}\n\nc\n`, /line 2 must be "index <decimal>"/],
    ['a negative index', 'c2sp.org/tlog-proof@v1\nindex -1\n\nc\n', /decimal number without sign/],
    ['an index with a leading zero', 'c2sp.org/tlog-proof@v1\nindex 07\n\nc\n', /leading zeros/],
    ['a short hash', 'c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nc\n', /the hash on line 3 is 3 bytes/],
    ['a hash that is not base64', 'c2sp.org/tlog-proof@v1\nindex 1\nnot base64!\n\nc\n', /the hash on line 3 is not standard base64/],
    ['extra data that is not base64', 'c2sp.org/tlog-proof@v1\nextra %%\nindex 1\n\nc\n', /extra data on line 2/],
    ['no checkpoint', 'c2sp.org/tlog-proof@v1\nindex 1\n\n', /no checkpoint/],
  ])('given %s, parsing says what is wrong', (_, text, message) => {
    expect(() => parseTlogProof(text)).toThrow(ProofError);
    expect(() => parseTlogProof(text)).toThrow(message);
  });

  it('given junk after the checkpoint, the checkpoint no longer opens', () => {
    const file = formatTlogProof({ index: 0, hashes: reader.inclusionProof(0, 5), checkpoint: signedCheckpoint(5) });
    expect(() => openNote(parseTlogProof(`${file}junk\n`).checkpoint, [key.verifierKey])).toThrow(/signature line 2/);
  });
});

describe('consistency proof files', () => {
  it('given two checkpoints of the log, the file proves the older is a prefix of the newer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: leaves.length }).chain((newSize) => fc.tuple(fc.nat(newSize), fc.constant(newSize))), ([oldSize, newSize]) => {
        const proof = parseConsistencyProof(formatConsistencyProof({ oldSize, newSize, hashes: reader.consistencyProof(oldSize, newSize) }));
        expect(proof.oldSize).toBe(oldSize);
        expect(verifyConsistency(oldSize, newSize, reader.rootHash(oldSize), reader.rootHash(newSize), proof.hashes)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('given a proof, the file is exactly the documented layout', () => {
    expect(formatConsistencyProof({ oldSize: 3, newSize: 10, hashes: [hash(7)] })).toBe(`keyward consistency proof v1\nold 3\nnew 10\n${HASH_LINE}\n`);
  });

  it.each([
    ['another header', `keyward consistency proof v2\nold 3\nnew 10\n`, /first line must be "keyward consistency proof v1"/],
    ['fields out of order', `keyward consistency proof v1\nnew 10\nold 3\n`, /line 2 must be "old <decimal>"/],
    ['a missing field', `keyward consistency proof v1\nold 3\n`, /line 3 must be "new <decimal>"/],
    ['a leading zero', `keyward consistency proof v1\nold 03\nnew 10\n`, /old must be a decimal number/],
    ['a negative size', `keyward consistency proof v1\nold -3\nnew 10\n`, /old must be a decimal number/],
    ['a size in hex', `keyward consistency proof v1\nold 3\nnew 0xa\n`, /new must be a decimal number/],
    ['two spaces', `keyward consistency proof v1\nold  3\nnew 10\n`, /old must be a decimal number/],
    ['an old size above the new', `keyward consistency proof v1\nold 11\nnew 10\n`, /old size 11 is larger than the new size 10/],
    ['a 31-byte hash', `keyward consistency proof v1\nold 3\nnew 10\n${Buffer.alloc(31).toString('base64')}\n`, /line 4 is 31 bytes/],
    ['an empty line', `keyward consistency proof v1\nold 3\nnew 10\n${HASH_LINE}\n\n`, /line 5 is empty/],
    ['trailing junk', `keyward consistency proof v1\nold 3\nnew 10\n${HASH_LINE}\njunk\n`, /the hash on line 5 is 3 bytes/],
    ['no final newline', `keyward consistency proof v1\nold 3\nnew 10\n${HASH_LINE}`, /must end with a newline/],
    ['Windows line ends', `keyward consistency proof v1\r\nold 3\r\nnew 10\r\n`, /first line must be/],
  ])('given %s, parsing says what is wrong', (_, text, message) => {
    expect(() => parseConsistencyProof(text)).toThrow(ProofError);
    expect(() => parseConsistencyProof(text)).toThrow(message);
  });
});

describe('range proof files', () => {
  it('given a range of a checkpoint, the file and the range leaves rebuild its root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: leaves.length }).chain((size) => fc.tuple(fc.nat(size), fc.nat(size), fc.constant(size))), ([a, b, size]) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        const proof = parseRangeProof(formatRangeProof({ from, to, size, hashes: reader.rangeProof(from, to, size) }));
        expect(rootFromRange(proof.from, proof.to, proof.size, leaves.slice(from, to), proof.hashes)).toEqual(reader.rootHash(size));
      }),
      { numRuns: 50 },
    );
  });

  it('given a proof, the file is exactly the documented layout', () => {
    expect(formatRangeProof({ from: 2, to: 5, size: 9, hashes: [hash(7)] })).toBe(`keyward range proof v1\nfrom 2\nto 5\nsize 9\n${HASH_LINE}\n`);
  });

  it.each([
    ['a range past the tree', `keyward range proof v1\nfrom 2\nto 10\nsize 9\n`, /range \[2, 10\) is not within a tree of 9 leaves/],
    ['a reversed range', `keyward range proof v1\nfrom 5\nto 2\nsize 9\n`, /range \[5, 2\)/],
    ['a size above 2^53', `keyward range proof v1\nfrom 5\nto 6\nsize 99999999999999999\n`, /larger than 2\^53 - 1/],
    ['a missing size', `keyward range proof v1\nfrom 5\nto 6\n`, /line 4 must be "size <decimal>"/],
    ['too many hashes', `keyward range proof v1\nfrom 0\nto 1\nsize 1\n${`${HASH_LINE}\n`.repeat(129)}`, /129 hashes, more than any tree/],
  ])('given %s, parsing says what is wrong', (_, text, message) => {
    expect(() => parseRangeProof(text)).toThrow(ProofError);
    expect(() => parseRangeProof(text)).toThrow(message);
  });

  it('given values that cannot be written, formatting refuses', () => {
    expect(() => formatRangeProof({ from: 0, to: 10, size: 9, hashes: [] })).toThrow(ProofError);
    expect(() => formatRangeProof({ from: -1, to: 1, size: 9, hashes: [] })).toThrow(/from must be an integer/);
    expect(() => formatConsistencyProof({ oldSize: 1, newSize: 2, hashes: [Buffer.alloc(3)] })).toThrow(/hash 1 is 3 bytes/);
    expect(() => formatTlogProof({ index: 0, hashes: [], checkpoint: 'no newline' })).toThrow(/ending with a newline/);
  });
});
