import type { Buffer } from 'node:buffer';
import { EMPTY_TREE_HASH, isHash, nodeHash } from './hashing';
import { MerkleAccumulator } from './merkle-accumulator';
import { ProofError } from './proof-error';
import { isCount, splitPoint } from './tree-shape';

/**
 * Rebuilds the root of a tree of `treeSize` leaves from the leaf hashes of [from, to), pushed in
 * order, and a range proof (TreeReader.rangeProof): the hashes of the subtrees outside the range.
 * Streams: memory is O(log n) whatever the range's length. Throws a ProofError for a proof of the
 * wrong length, a range outside the tree, or too many or too few leaves.
 */
export class RangeRootBuilder {
  /** The subtrees entirely inside [from, to) that MTH's recursion meets, left to right. */
  private readonly inside: { lo: number; hi: number }[] = [];
  private readonly insideHashes: Buffer[] = [];
  private current = new MerkleAccumulator();
  private pushed = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly treeSize: number,
    private readonly proof: readonly Buffer[],
  ) {
    if (!isCount(from) || !isCount(to) || !isCount(treeSize) || from > to || to > treeSize) {
      throw new ProofError(`range [${from}, ${to}) is not within a tree of ${treeSize} leaves`);
    }
    const outside = treeSize === 0 ? 0 : this.walk(0, treeSize);
    if (proof.length !== outside) {
      throw new ProofError(`a range proof of [${from}, ${to}) in a tree of ${treeSize} leaves has ${outside} hashes; this one has ${proof.length}`);
    }
    const bad = proof.findIndex((hash) => !isHash(hash));
    if (bad >= 0) throw new ProofError(`hash ${bad} of the range proof is ${proof[bad].length} bytes, not 32`);
  }

  /** Adds the hash of the next leaf of the range. */
  push(leafHash: Buffer): void {
    if (!isHash(leafHash)) throw new ProofError(`leaf hash ${this.from + this.pushed} is ${leafHash.length} bytes, not 32`);
    if (this.pushed === this.to - this.from) throw new ProofError(`the range [${this.from}, ${this.to}) has only ${this.to - this.from} leaves`);
    this.current.push(leafHash);
    this.pushed++;
    const { lo, hi } = this.inside[this.insideHashes.length];
    if (this.current.size === hi - lo) {
      this.insideHashes.push(this.current.root());
      this.current = new MerkleAccumulator();
    }
  }

  /** The root the leaves and the proof make. */
  root(): Buffer {
    if (this.pushed !== this.to - this.from) {
      throw new ProofError(`the range [${this.from}, ${this.to}) has ${this.to - this.from} leaves, and ${this.pushed} were given`);
    }
    if (this.treeSize === 0) return EMPTY_TREE_HASH;
    const next = { proof: 0, inside: 0 };
    return this.fold(0, this.treeSize, next);
  }

  /** Notes the inside subtrees of [lo, hi) and counts its outside ones, in the order of TreeReader.rangeProof. */
  private walk(lo: number, hi: number): number {
    if (this.from === this.to || hi <= this.from || this.to <= lo) return 1;
    if (this.from <= lo && hi <= this.to) {
      this.inside.push({ lo, hi });
      return 0;
    }
    const k = splitPoint(hi - lo);
    return this.walk(lo, lo + k) + this.walk(lo + k, hi);
  }

  private fold(lo: number, hi: number, next: { proof: number; inside: number }): Buffer {
    if (this.from === this.to || hi <= this.from || this.to <= lo) return this.proof[next.proof++];
    if (this.from <= lo && hi <= this.to) return this.insideHashes[next.inside++];
    const k = splitPoint(hi - lo);
    const left = this.fold(lo, lo + k, next);
    return nodeHash(left, this.fold(lo + k, hi, next));
  }
}

/**
 * The root a range proof and the leaf hashes of [from, to) rebuild (compare it with a checkpoint's).
 * Throws a ProofError if the proof or the leaves have the wrong length.
 */
export function rootFromRange(
  from: number,
  to: number,
  treeSize: number,
  leafHashes: readonly Buffer[],
  proof: readonly Buffer[],
): Buffer {
  const builder = new RangeRootBuilder(from, to, treeSize, proof);
  if (leafHashes.length !== to - from) {
    throw new ProofError(`the range [${from}, ${to}) has ${to - from} leaves, and ${leafHashes.length} were given`);
  }
  leafHashes.forEach((hash) => builder.push(hash));
  return builder.root();
}
