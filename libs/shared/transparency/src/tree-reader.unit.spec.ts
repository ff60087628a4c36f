import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { appendLeaves } from './append-leaves';
import { leafHash, nodeHash } from './hashing';
import { MerkleAccumulator } from './merkle-accumulator';
import { verifyConsistency, verifyInclusion } from './proof-verification';
import { MemoryTiles, naiveRoot, sampleLeaves } from './testing/naive-merkle';
import { TileError, TileSource, TILE_WIDTH } from './tiles';
import { TreeReader } from './tree-reader';

const POOL = sampleLeaves(4_200);

/** A tree of up to a few thousand leaves, appended in random batches. */
const grownTree = fc
  .array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 6 })
  .map((batches) => {
    const leaves = POOL.slice(0, batches.reduce((sum, n) => sum + n, 0));
    const tiles = new MemoryTiles();
    let offset = 0;
    for (const n of batches) tiles.append(leaves.slice(offset, (offset += n)));
    return { leaves, tiles, batches };
  })
  .filter(({ leaves }) => leaves.length > 0);

/** A tree and a size within it, with the reader for it. */
const treeAndSize = grownTree.chain((tree) =>
  fc.integer({ min: 1, max: tree.leaves.length }).map((size) => ({ ...tree, size, reader: new TreeReader(tree.tiles, tree.leaves.length) })),
);

const flipByte = (hashes: readonly Buffer[], which: number, byte: number) =>
  hashes.map((hash, i) => (i === which ? Buffer.from(hash.map((b, j) => (j === byte ? b ^ 0x01 : b))) : hash));

describe('tiles give the roots of RFC 9162', () => {
  it('given leaves appended in random batches, every batch boundary and every prefix have the naive MTH as their root', () => {
    fc.assert(
      fc.property(treeAndSize, ({ leaves, tiles, batches, size, reader }) => {
        expect(reader.rootHash(size)).toEqual(naiveRoot(leaves.slice(0, size)));
        let boundary = 0;
        for (const n of batches) {
          boundary += n;
          expect(reader.rootHash(boundary)).toEqual(naiveRoot(leaves.slice(0, boundary)));
        }
        expect(tiles.size).toBe(leaves.length);
      }),
      { numRuns: 40 },
    );
  });

  it('given any batching of the same leaves, the stored tiles are the same', () => {
    fc.assert(
      fc.property(grownTree, ({ leaves, tiles }) => {
        const described = (source: MemoryTiles) => [...source.tiles].map(([at, hashes]) => `${at}:${hashes.toString('hex')}`).sort();
        expect(described(new MemoryTiles().append(leaves))).toEqual(described(tiles));
      }),
      { numRuns: 30 },
    );
  });

  it('given an accumulator fed the same leaves, it agrees with the tiles', () => {
    fc.assert(
      fc.property(grownTree, ({ leaves, tiles }) => {
        const accumulator = new MerkleAccumulator();
        leaves.forEach((hash) => accumulator.push(hash));
        expect(accumulator.size).toBe(leaves.length);
        expect(accumulator.root()).toEqual(new TreeReader(tiles, tiles.size).rootHash());
      }),
      { numRuns: 30 },
    );
  });

  it('given a complete subtree, its hash is the naive MTH of its leaves', () => {
    const leaves = sampleLeaves(3000);
    const reader = new TreeReader(new MemoryTiles().append(leaves), leaves.length);
    for (let level = 0; 2 ** level <= leaves.length; level++) {
      for (let index = 0; (index + 1) * 2 ** level <= leaves.length; index += 7) {
        expect(reader.subtreeHash(level, index)).toEqual(naiveRoot(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)));
      }
    }
    expect(() => reader.subtreeHash(3, 375)).toThrow(RangeError);
  });

  it('given more than 65,536 leaves, the second tile level is used and the root still matches the accumulator', () => {
    const leaves = sampleLeaves(70_000);
    const tiles = new MemoryTiles();
    for (let offset = 0; offset < leaves.length; offset += 9_999) tiles.append(leaves.slice(offset, offset + 9_999));
    expect(tiles.tile(2, 0)).toHaveLength(32);
    const accumulator = new MerkleAccumulator();
    leaves.forEach((hash) => accumulator.push(hash));
    const reader = new TreeReader(tiles, leaves.length);
    expect(reader.rootHash()).toEqual(accumulator.root());
    for (const index of [0, 65_535, 65_536, 69_999]) {
      expect(verifyInclusion(leaves[index], index, leaves.length, reader.inclusionProof(index), accumulator.root())).toBe(true);
    }
  });
});

describe('appending leaves', () => {
  it('given a tree, it reads only the rightmost tile of each level, and only when that tile is partial', () => {
    const tiles = new MemoryTiles().append(sampleLeaves(256 * 256 + 300));
    const reads: string[] = [];
    const spy: TileSource = { tile: (level, index) => (reads.push(`${level}/${index}`), tiles.tile(level, index)) };
    const result = appendLeaves(spy, tiles.size, sampleLeaves(1000, tiles.size));
    expect(reads).toEqual(['0/257', '1/1']);
    expect(result.tiles.map(({ level, index, hashes }) => `${level}/${index}:${hashes.length / 32}`)).toEqual([
      '0/257:256',
      '0/258:256',
      '0/259:256',
      '0/260:256',
      '0/261:20',
      '1/1:5',
    ]);
    expect(result.size).toBe(256 * 256 + 1300);
  });

  it('given a size older than the tiles (a writer that missed an append), it refuses instead of forking the log', () => {
    const tiles = new MemoryTiles().append(sampleLeaves(10));
    expect(() => appendLeaves(tiles, 9, sampleLeaves(1, 9))).toThrow(/holds 10 hashes .* the size is stale/);
  });

  it('given a size newer than the tiles, it refuses: the rightmost tile was truncated or lost', () => {
    const tiles = new MemoryTiles().append(sampleLeaves(10));
    expect(() => appendLeaves(tiles, 11, sampleLeaves(1, 11))).toThrow(TileError);
    expect(() => appendLeaves({ tile: () => null }, 5, sampleLeaves(1))).toThrow(/tile 0\/0 is missing/);
  });

  it('given no leaves, nothing changes', () => {
    expect(appendLeaves(new MemoryTiles(), 0, [])).toEqual({ size: 0, tiles: [] });
  });

  it('given a leaf hash of the wrong length, it refuses', () => {
    expect(() => appendLeaves(new MemoryTiles(), 0, [Buffer.alloc(31)])).toThrow(/leaf hash 0 is 31 bytes/);
  });
});

describe('inclusion proofs', () => {
  const leafInTree = treeAndSize.chain((tree) => fc.integer({ min: 0, max: tree.size - 1 }).map((index) => ({ ...tree, index })));

  it('given any leaf of any tree size, its proof verifies', () => {
    fc.assert(
      fc.property(leafInTree, ({ leaves, size, reader, index }) => {
        const root = naiveRoot(leaves.slice(0, size));
        expect(verifyInclusion(leaves[index], index, size, reader.inclusionProof(index, size), root)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('given a proof with a flipped byte, another index, another tree size, a changed leaf, or two hashes swapped, it fails', () => {
    fc.assert(
      fc.property(leafInTree, fc.nat(), fc.nat(31), fc.nat(), ({ leaves, size, reader, index }, pick, byte, other) => {
        const proof = reader.inclusionProof(index, size);
        const root = naiveRoot(leaves.slice(0, size));
        if (proof.length > 0) expect(verifyInclusion(leaves[index], index, size, flipByte(proof, pick % proof.length, byte), root)).toBe(false);
        const otherIndex = other % size;
        if (otherIndex !== index) expect(verifyInclusion(leaves[index], otherIndex, size, proof, root)).toBe(false);
        const otherSize = index + 1 + (other % leaves.length);
        if (otherSize !== size && otherSize <= leaves.length) {
          expect(verifyInclusion(leaves[index], index, otherSize, proof, naiveRoot(leaves.slice(0, otherSize)))).toBe(false);
        }
        expect(verifyInclusion(leafHash(Buffer.from('not a record')), index, size, proof, root)).toBe(false);
        const i = pick % Math.max(1, proof.length - 1);
        if (proof.length > 1) expect(verifyInclusion(leaves[index], index, size, [...proof.slice(0, i), proof[i + 1], proof[i], ...proof.slice(i + 2)], root)).toBe(false);
        expect(verifyInclusion(leaves[index], index, size, [...proof, root], root)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(leaves[index], index, size, proof.slice(1), root)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('given nonsense arguments, it answers false rather than throwing', () => {
    const root = leafHash(Buffer.from('x'));
    expect(verifyInclusion(root, 0, 1, [], root)).toBe(true);
    expect(verifyInclusion(root, 1, 1, [], root)).toBe(false);
    expect(verifyInclusion(root, -1, 1, [], root)).toBe(false);
    expect(verifyInclusion(root, 0.5, 1, [], root)).toBe(false);
    expect(verifyInclusion(root, 0, 0, [], root)).toBe(false);
    expect(verifyInclusion(root.subarray(1), 0, 1, [], root.subarray(1))).toBe(false);
  });
});

describe('consistency proofs', () => {
  const twoSizes = treeAndSize.chain((tree) => fc.integer({ min: 0, max: tree.size }).map((oldSize) => ({ ...tree, oldSize })));

  it('given any two sizes of a tree, the proof from the smaller to the larger verifies', () => {
    fc.assert(
      fc.property(twoSizes, ({ leaves, size, reader, oldSize }) => {
        const proof = reader.consistencyProof(oldSize, size);
        expect(verifyConsistency(oldSize, size, naiveRoot(leaves.slice(0, oldSize)), naiveRoot(leaves.slice(0, size)), proof)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('given a proof with a flipped byte, other sizes, a fork, or two hashes swapped, it fails', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(), fc.nat(31), fc.nat(), ({ leaves, size, reader, oldSize }, pick, byte, other) => {
        fc.pre(oldSize > 0 && oldSize < size);
        const proof = reader.consistencyProof(oldSize, size);
        const oldRoot = naiveRoot(leaves.slice(0, oldSize));
        const newRoot = naiveRoot(leaves.slice(0, size));
        expect(verifyConsistency(oldSize, size, oldRoot, newRoot, flipByte(proof, pick % proof.length, byte))).toBe(false);
        const otherOld = 1 + (other % (size - 1));
        if (otherOld !== oldSize) expect(verifyConsistency(otherOld, size, naiveRoot(leaves.slice(0, otherOld)), newRoot, proof)).toBe(false);
        const otherNew = oldSize + 1 + (other % (leaves.length - oldSize));
        if (otherNew !== size) expect(verifyConsistency(oldSize, otherNew, oldRoot, naiveRoot(leaves.slice(0, otherNew)), proof)).toBe(false);
        const forked = [...leaves.slice(0, size)];
        forked[pick % oldSize] = leafHash(Buffer.from('rewritten history'));
        expect(verifyConsistency(oldSize, size, naiveRoot(forked.slice(0, oldSize)), newRoot, proof)).toBe(false);
        expect(verifyConsistency(oldSize, size, oldRoot, naiveRoot(forked), proof)).toBe(false);
        const i = pick % Math.max(1, proof.length - 1);
        if (proof.length > 1 && !proof[i].equals(proof[i + 1])) {
          expect(verifyConsistency(oldSize, size, oldRoot, newRoot, [...proof.slice(0, i), proof[i + 1], proof[i], ...proof.slice(i + 2)])).toBe(false);
        }
        expect(verifyConsistency(oldSize, size, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(oldSize, size, oldRoot, newRoot, [...proof, oldRoot])).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('given equal sizes or an empty old tree, the proof is empty and only the matching roots verify', () => {
    const leaves = sampleLeaves(5);
    const reader = new TreeReader(new MemoryTiles().append(leaves), 5);
    const root = reader.rootHash();
    expect(reader.consistencyProof(5)).toEqual([]);
    expect(reader.consistencyProof(0)).toEqual([]);
    expect(verifyConsistency(5, 5, root, root, [])).toBe(true);
    expect(verifyConsistency(5, 5, root, reader.rootHash(4), [])).toBe(false);
    expect(verifyConsistency(0, 5, reader.rootHash(0), root, [])).toBe(true);
    expect(verifyConsistency(0, 5, root, root, [])).toBe(false);
    expect(verifyConsistency(5, 4, root, root, [])).toBe(false);
    expect(() => reader.consistencyProof(6)).toThrow(RangeError);
  });
});

describe('a proof at ten million leaves', () => {
  // Ten million identical leaves make a tree whose every complete subtree of a level has the same
  // hash, so the tiles can be synthesized exactly (and consistently) instead of stored.
  const SIZE = 10_000_000;
  const levelHashes = [leafHash(Buffer.from('the same record'))];
  while (levelHashes.length < 54) levelHashes.push(nodeHash(levelHashes.at(-1)!, levelHashes.at(-1)!));
  const synthesized: TileSource = {
    tile(level, index) {
      const nodes = Math.floor(SIZE / TILE_WIDTH ** level);
      const width = Math.min(TILE_WIDTH, nodes - index * TILE_WIDTH);
      return width > 0 ? Buffer.concat(Array.from({ length: width }, () => levelHashes[8 * level])) : null;
    },
  };
  // MTH of n identical leaves, straight from the definition.
  const rootOfSame = (n: number): Buffer => {
    let k = 1;
    while (k * 2 < n) k *= 2;
    return n === k ? levelHashes[Math.log2(k)] : nodeHash(levelHashes[Math.log2(k)], rootOfSame(n - k));
  };
  const limit = 2 * Math.ceil(Math.log(SIZE) / Math.log(256)) + 4;

  it.each([0, 1_234_567, 5_000_000, 9_999_871, SIZE - 1])('given leaf %d, its proof reads at most 2·⌈log₂₅₆ n⌉ + 4 tiles and verifies', (index) => {
    const reader = new TreeReader(synthesized, SIZE);
    const proof = reader.inclusionProof(index);
    expect(reader.tileReads).toBeLessThanOrEqual(limit);
    expect(verifyInclusion(levelHashes[0], index, SIZE, proof, rootOfSame(SIZE))).toBe(true);
  });

  it.each([1, 4_999_999, 8_388_608, SIZE - 1])('given an old size of %d, the consistency proof reads at most 2·⌈log₂₅₆ n⌉ + 4 tiles and verifies', (oldSize) => {
    const reader = new TreeReader(synthesized, SIZE);
    const proof = reader.consistencyProof(oldSize);
    expect(reader.tileReads).toBeLessThanOrEqual(limit);
    expect(verifyConsistency(oldSize, SIZE, rootOfSame(oldSize), rootOfSame(SIZE), proof)).toBe(true);
  });
});
