import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { appendLeaves, HASH_SIZE, MerkleAccumulator, TreeReader, type TileSource } from '@keyward/shared/transparency';

/** Tile reads (cache misses of a fresh TreeReader) and hashes of one proof. */
export interface ProofCost {
  readonly at: number;
  readonly tileReads: number;
  readonly hashes: number;
}

export interface ProofCostFigures {
  /** Leaves in the tree that was built. */
  readonly leaves: number;
  /** Leaves per second through appendLeaves (tiles kept in a Map), and through MerkleAccumulator (the root alone, nothing kept). */
  readonly appendPerSecond: number;
  readonly accumulatePerSecond: number;
  /** Tiles held, and their bytes. */
  readonly tiles: number;
  readonly tileBytes: number;
  /** By tree size (prefixes of the one tree: 1,000, 10,000, … up to `leaves`). */
  readonly bySize: { size: number; inclusion: ProofCost[]; consistency: ProofCost[]; rangeOfThousand: ProofCost }[];
}

const BATCH = 65_536;

/**
 * What a proof costs in storage reads as the log grows: a tree of `leaves` synthetic leaf hashes
 * is built with appendLeaves into a Map-backed TileSource, then inclusion, consistency and range
 * proofs are asked of fresh TreeReaders over prefixes of it (1,000 leaves, 10,000, … the whole),
 * and each reports its tileReads. A count, not a time: O(log n) is the claim.
 */
export function benchProofCost(leaves: number): ProofCostFigures {
  const tiles = new Map<string, Buffer>();
  const source: TileSource = { tile: (level, index) => tiles.get(`${level}/${index}`) ?? null };
  const accumulator = new MerkleAccumulator();
  const accumulateSeconds = timed(() => {
    for (let first = 0; first < leaves; first += BATCH) for (const hash of syntheticLeaves(first, Math.min(BATCH, leaves - first))) accumulator.push(hash);
  });
  const appendSeconds = timed(() => {
    for (let size = 0; size < leaves; ) {
      const appended = appendLeaves(source, size, syntheticLeaves(size, Math.min(BATCH, leaves - size)));
      // A copy: a tile must not keep the whole batch's row alive (as SQLite would not).
      for (const tile of appended.tiles) tiles.set(`${tile.level}/${tile.index}`, Buffer.from(tile.hashes));
      size = appended.size;
    }
  });
  if (!accumulator.root().equals(new TreeReader(source, leaves).rootHash())) throw new Error('the tiles and the accumulator disagree on the root');
  const bySize = sizesUpTo(leaves).map((size) => ({
    size,
    inclusion: spread(size).map((index) => cost(index, (reader) => reader.inclusionProof(index, size), source, size)),
    consistency: spread(size)
      .filter((old) => old > 0)
      .map((old) => cost(old, (reader) => reader.consistencyProof(old, size), source, size)),
    rangeOfThousand: cost(Math.floor(size / 2), (reader) => reader.rangeProof(Math.floor(size / 2), Math.min(size, Math.floor(size / 2) + 1000), size), source, size),
  }));
  let tileBytes = 0;
  for (const hashes of tiles.values()) tileBytes += hashes.length;
  return { leaves, appendPerSecond: leaves / appendSeconds, accumulatePerSecond: leaves / accumulateSeconds, tiles: tiles.size, tileBytes, bySize };
}

function cost(at: number, proof: (reader: TreeReader) => Buffer[], source: TileSource, size: number): ProofCost {
  const reader = new TreeReader(source, size);
  const hashes = proof(reader).length;
  return { at, tileReads: reader.tileReads, hashes };
}

/** Leaf indexes across a tree: the first, one near a third, the middle, one near the end, the last. */
function spread(size: number): number[] {
  return [...new Set([0, Math.floor(size / 3) + 7, Math.floor(size / 2), size - 1001, size - 1].filter((i) => i >= 0 && i < size))];
}

function sizesUpTo(leaves: number): number[] {
  const sizes: number[] = [];
  for (let size = 1000; size < leaves; size *= 10) sizes.push(size);
  return [...sizes, leaves];
}

/** `count` distinct made-up leaf hashes from leaf `first` on (the proofs' cost does not depend on the values). */
function syntheticLeaves(first: number, count: number): Buffer[] {
  const block = Buffer.alloc(count * HASH_SIZE, 0x5a);
  const hashes: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const hash = block.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
    hash.writeUIntBE(first + i, 0, 6);
    hashes.push(hash);
  }
  return hashes;
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}
