// The arithmetic of RFC 9162's Merkle tree: where a range of leaves splits, and which complete
// subtrees make up a range. Shared by the tile reader and the verifiers so both walk one shape.

/** The largest power of two strictly below `n` (n ≥ 2): where RFC 9162 splits a tree of `n` leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A complete subtree: leaves index·2^level … (index+1)·2^level − 1. */
export interface Subtree {
  readonly level: number;
  readonly index: number;
}

/**
 * The complete subtrees, left to right and largest first, whose hashes fold (right to left) into
 * the MTH of leaves [lo, hi). Holds for every range that RFC 9162's recursion visits, where lo is a
 * multiple of the largest power of two not above hi − lo.
 */
export function completeSubtrees(lo: number, hi: number): Subtree[] {
  const subtrees: Subtree[] = [];
  while (lo < hi) {
    let width = 1;
    let level = 0;
    while (width * 2 <= hi - lo) {
      width *= 2;
      level++;
    }
    subtrees.push({ level, index: lo / width });
    lo += width;
  }
  return subtrees;
}

/** Whether `n` can be a tree size or leaf index: an integer from 0 to 2^53 − 1. */
export function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Throws a RangeError unless `n` is a tree size or leaf index. */
export function assertCount(n: number, what: string): void {
  if (!isCount(n)) throw new RangeError(`${what} must be an integer from 0 to 2^53 - 1, not ${n}`);
}
