import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { EMPTY_TREE_HASH, leafHash } from './hashing';
import { ProofError } from './proof-error';
import { RangeRootBuilder, rootFromRange } from './range-root-builder';
import { MemoryTiles, naiveRoot, sampleLeaves } from './testing/naive-merkle';
import { TreeReader } from './tree-reader';

const POOL = sampleLeaves(3_000);
const TILES = new MemoryTiles().append(POOL);

/** A tree size up to a few thousand and a range [from, to) within it. */
const rangeInTree = fc
  .integer({ min: 1, max: POOL.length })
  .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })))
  .map(([size, a, b]) => ({ size, from: Math.min(a, b), to: Math.max(a, b), reader: new TreeReader(TILES, POOL.length) }));

const flipByte = (hash: Buffer, byte: number) => Buffer.from(hash.map((b, j) => (j === byte ? b ^ 0x80 : b)));

describe('range proofs', () => {
  it('given any range of any tree size, its leaves and proof rebuild the root', () => {
    fc.assert(
      fc.property(rangeInTree, ({ size, from, to, reader }) => {
        const proof = reader.rangeProof(from, to, size);
        expect(rootFromRange(from, to, size, POOL.slice(from, to), proof)).toEqual(naiveRoot(POOL.slice(0, size)));
      }),
      { numRuns: 100 },
    );
  });

  it('given a changed, dropped, duplicated or reordered leaf, or a flipped byte in the proof, the root differs or the proof is refused', () => {
    fc.assert(
      fc.property(rangeInTree, fc.nat(), fc.nat(31), ({ size, from, to, reader }, pick, byte) => {
        fc.pre(to > from);
        const proof = reader.rangeProof(from, to, size);
        const root = naiveRoot(POOL.slice(0, size));
        const leaves = POOL.slice(from, to);
        const i = pick % leaves.length;
        const changed = leaves.map((hash, j) => (j === i ? flipByte(hash, byte) : hash));
        expect(rootFromRange(from, to, size, changed, proof)).not.toEqual(root);
        expect(() => rootFromRange(from, to, size, leaves.slice(1), proof)).toThrow(ProofError);
        expect(() => rootFromRange(from, to, size, [...leaves, leaves[i]], proof)).toThrow(ProofError);
        if (leaves.length > 1) {
          const j = (i + 1) % leaves.length;
          const swapped = leaves.map((hash, k) => (k === i ? leaves[j] : k === j ? leaves[i] : hash));
          expect(rootFromRange(from, to, size, swapped, proof)).not.toEqual(root);
        }
        if (proof.length > 0) {
          const p = pick % proof.length;
          expect(rootFromRange(from, to, size, leaves, proof.map((hash, k) => (k === p ? flipByte(hash, byte) : hash)))).not.toEqual(root);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('given the leaves of another range of the same length, the root differs or the proof is refused', () => {
    fc.assert(
      fc.property(rangeInTree, fc.integer({ min: 1, max: 50 }), ({ size, from, to, reader }, shift) => {
        fc.pre(to > from && to + shift <= size);
        const proof = reader.rangeProof(from, to, size);
        const root = naiveRoot(POOL.slice(0, size));
        const shifted = POOL.slice(from + shift, to + shift);
        let rebuilt: Buffer | null = null;
        try {
          rebuilt = rootFromRange(from + shift, to + shift, size, shifted, proof);
        } catch (error) {
          expect(error).toBeInstanceOf(ProofError);
        }
        if (rebuilt) expect(rebuilt).not.toEqual(root);
      }),
      { numRuns: 100 },
    );
  });

  it('given leaves streamed one by one, the builder gives the same root', () => {
    const reader = new TreeReader(TILES, POOL.length);
    const builder = new RangeRootBuilder(1_000, 2_777, 2_900, reader.rangeProof(1_000, 2_777, 2_900));
    POOL.slice(1_000, 2_777).forEach((hash) => builder.push(hash));
    expect(builder.root()).toEqual(naiveRoot(POOL.slice(0, 2_900)));
    expect(() => builder.push(POOL[2_777])).toThrow(/has only 1777 leaves/);
  });

  it('given the whole tree, the proof is empty; given an empty range, the proof is the root', () => {
    const reader = new TreeReader(TILES, 100);
    expect(reader.rangeProof(0, 100)).toEqual([]);
    expect(reader.rangeProof(40, 40)).toEqual([reader.rootHash()]);
    expect(rootFromRange(40, 40, 100, [], [reader.rootHash()])).toEqual(reader.rootHash());
    expect(rootFromRange(0, 0, 0, [], [])).toEqual(EMPTY_TREE_HASH);
  });

  it('given a proof of the wrong length or a range outside the tree, it says so', () => {
    const reader = new TreeReader(TILES, 100);
    const proof = reader.rangeProof(10, 20);
    expect(() => rootFromRange(10, 20, 100, POOL.slice(10, 20), proof.slice(1))).toThrow(/has 6 hashes; this one has 5/);
    expect(() => rootFromRange(10, 20, 100, POOL.slice(10, 20), [...proof, proof[0]])).toThrow(ProofError);
    expect(() => rootFromRange(20, 10, 100, [], proof)).toThrow(/not within a tree of 100 leaves/);
    expect(() => rootFromRange(10, 101, 100, [], proof)).toThrow(ProofError);
    expect(() => rootFromRange(10, 20, 100, [leafHash(Buffer.from('x')).subarray(1), ...POOL.slice(11, 20)], proof)).toThrow(/31 bytes/);
    expect(() => reader.rangeProof(10, 101)).toThrow(RangeError);
  });
});
