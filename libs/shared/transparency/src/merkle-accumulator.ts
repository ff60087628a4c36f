import type { Buffer } from 'node:buffer';
import { EMPTY_TREE_HASH, HASH_SIZE, isHash, nodeHash } from './hashing';

/**
 * A whole tree from its leaf hashes in order, in O(log n) memory: keeps the roots of the complete
 * subtrees the leaves so far make up (one per set bit of the size), largest first.
 */
export class MerkleAccumulator {
  private readonly subtrees: { hash: Buffer; leaves: number }[] = [];
  private count = 0;

  /** Adds the next leaf's hash. */
  push(leafHash: Buffer): void {
    if (!isHash(leafHash)) throw new RangeError(`a leaf hash is ${HASH_SIZE} bytes, not ${leafHash.length}`);
    let hash = leafHash;
    let leaves = 1;
    for (let last = this.subtrees.at(-1); last && last.leaves === leaves; last = this.subtrees.at(-1)) {
      this.subtrees.pop();
      hash = nodeHash(last.hash, hash);
      leaves *= 2;
    }
    this.subtrees.push({ hash, leaves });
    this.count++;
  }

  /** Leaves pushed so far. */
  get size(): number {
    return this.count;
  }

  /** The RFC 9162 MTH of the leaves pushed so far; EMPTY_TREE_HASH when none. */
  root(): Buffer {
    if (this.subtrees.length === 0) return EMPTY_TREE_HASH;
    return this.subtrees.map((subtree) => subtree.hash).reduceRight((right, left) => nodeHash(left, right));
  }
}
