import { Buffer } from 'node:buffer';
import { EMPTY_TREE_HASH, HASH_SIZE, nodeHash } from './hashing';
import { assertCount, completeSubtrees, splitPoint } from './tree-shape';
import { parentLevel, readTile, TILE_HEIGHT, TILE_WIDTH, tileWidth, TileSource } from './tiles';

/** Tiles a reader keeps (about 2 MiB when full): enough for every proof of a bulk export to share its upper tiles. */
const CACHED_TILES = 64;

/**
 * Reads hashes out of the tiles of a tree of `size` leaves and builds RFC 9162 proofs from them,
 * reading O(log n) tiles per proof. Keeps the last few tiles it read, so proofs for neighbouring
 * leaves share their reads. Throws a RangeError for arguments outside the tree and a TileError
 * when the storage lacks a tile the size says exists.
 */
export class TreeReader {
  private reads = 0;
  private readonly cache = new Map<string, Buffer[]>();

  constructor(
    private readonly source: TileSource,
    readonly size: number,
  ) {
    assertCount(size, 'the tree size');
  }

  /** Tiles read from the source so far (cache misses): "a proof at 10M leaves costs N reads". */
  get tileReads(): number {
    return this.reads;
  }

  /** The hash of the complete subtree of leaves index·2^level … (index+1)·2^level − 1, all below `size`. */
  subtreeHash(level: number, index: number): Buffer {
    if (!Number.isInteger(level) || level < 0 || level > 53) throw new RangeError(`level ${level} is not 0 … 53`);
    assertCount(index, 'the subtree index');
    if ((index + 1) * 2 ** level > this.size) {
      throw new RangeError(`subtree ${level}/${index} is not complete in a tree of ${this.size} leaves`);
    }
    return this.hashAt(level, index);
  }

  /** The RFC 9162 MTH of the first `treeSize` leaves; EMPTY_TREE_HASH for 0. */
  rootHash(treeSize = this.size): Buffer {
    this.assertTreeSize(treeSize);
    return treeSize === 0 ? EMPTY_TREE_HASH : this.rangeHash(0, treeSize);
  }

  /** The RFC 9162 §2.1.3 audit path of leaf `index` in the tree of `treeSize` leaves, leaf's sibling first. */
  inclusionProof(index: number, treeSize = this.size): Buffer[] {
    this.assertTreeSize(treeSize);
    assertCount(index, 'the leaf index');
    if (index >= treeSize) throw new RangeError(`leaf ${index} is not in a tree of ${treeSize} leaves`);
    const proof: Buffer[] = [];
    this.auditPath(index, 0, treeSize, proof);
    return proof;
  }

  /** The RFC 9162 §2.1.4 proof that the tree of `oldSize` leaves is a prefix of the tree of `newSize`; empty when oldSize is 0 or newSize. */
  consistencyProof(oldSize: number, newSize = this.size): Buffer[] {
    this.assertTreeSize(newSize);
    assertCount(oldSize, 'the old tree size');
    if (oldSize > newSize) throw new RangeError(`the old size ${oldSize} is larger than the new size ${newSize}`);
    const proof: Buffer[] = [];
    if (oldSize > 0 && oldSize < newSize) this.subproof(oldSize, 0, newSize, true, proof);
    return proof;
  }

  /**
   * The hashes of the subtrees entirely outside leaves [from, to) that the MTH recursion of the
   * tree of `treeSize` leaves meets, left to right: with the leaves of [from, to) they rebuild the
   * root (see rootFromRange). For an empty range that is the root itself.
   */
  rangeProof(from: number, to: number, treeSize = this.size): Buffer[] {
    this.assertTreeSize(treeSize);
    assertCount(from, 'the range start');
    assertCount(to, 'the range end');
    if (from > to || to > treeSize) throw new RangeError(`range [${from}, ${to}) is not within a tree of ${treeSize} leaves`);
    const proof: Buffer[] = [];
    if (treeSize > 0) this.outsideRange(from, to, 0, treeSize, proof);
    return proof;
  }

  private auditPath(index: number, lo: number, hi: number, proof: Buffer[]): void {
    if (hi - lo === 1) return;
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      this.auditPath(index, lo, lo + k, proof);
      proof.push(this.rangeHash(lo + k, hi));
    } else {
      this.auditPath(index, lo + k, hi, proof);
      proof.push(this.rangeHash(lo, lo + k));
    }
  }

  private subproof(oldSize: number, lo: number, hi: number, isOldRoot: boolean, proof: Buffer[]): void {
    if (oldSize === hi) {
      if (!isOldRoot) proof.push(this.rangeHash(lo, hi));
      return;
    }
    const k = splitPoint(hi - lo);
    if (oldSize <= lo + k) {
      this.subproof(oldSize, lo, lo + k, isOldRoot, proof);
      proof.push(this.rangeHash(lo + k, hi));
    } else {
      this.subproof(oldSize, lo + k, hi, false, proof);
      proof.push(this.rangeHash(lo, lo + k));
    }
  }

  private outsideRange(from: number, to: number, lo: number, hi: number, proof: Buffer[]): void {
    if (from === to || hi <= from || to <= lo) {
      proof.push(this.rangeHash(lo, hi));
      return;
    }
    if (from <= lo && hi <= to) return;
    const k = splitPoint(hi - lo);
    this.outsideRange(from, to, lo, lo + k, proof);
    this.outsideRange(from, to, lo + k, hi, proof);
  }

  /** The MTH of leaves [lo, hi), a range RFC 9162's recursion visits. */
  private rangeHash(lo: number, hi: number): Buffer {
    const hashes = completeSubtrees(lo, hi).map(({ level, index }) => this.hashAt(level, index));
    return hashes.reduceRight((right, left) => nodeHash(left, right));
  }

  private hashAt(level: number, index: number): Buffer {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const above = level % TILE_HEIGHT;
    const first = index * 2 ** above; // the subtree's first node at the tile's own level
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const levels = this.tile(tileLevel, tileIndex);
    // Levels inside a tile are computed once, when first needed, and kept with the cached tile.
    while (levels.length <= above) levels.push(parentLevel(levels[levels.length - 1]));
    const at = (first % TILE_WIDTH) / 2 ** above;
    return Buffer.from(levels[above].subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE));
  }

  private tile(level: number, index: number): Buffer[] {
    const key = `${level}/${index}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    this.reads++;
    const width = tileWidth(this.size, level, index);
    const levels = [readTile(this.source, level, index, width, false).subarray(0, width * HASH_SIZE)];
    this.cache.set(key, levels);
    if (this.cache.size > CACHED_TILES) this.cache.delete(this.cache.keys().next().value as string);
    return levels;
  }

  private assertTreeSize(treeSize: number): void {
    assertCount(treeSize, 'the tree size');
    if (treeSize > this.size) throw new RangeError(`tree size ${treeSize} is larger than the log's ${this.size} leaves`);
  }
}
