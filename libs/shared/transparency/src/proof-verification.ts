import type { Buffer } from 'node:buffer';
import { EMPTY_TREE_HASH, isHash, nodeHash } from './hashing';
import { isCount, splitPoint } from './tree-shape';

// Verification is pure and total: a wrong size, index, length or hash answers false, never throws.

/** Whether `proof` is the audit path that puts `leafHash` at `index` in the tree of `treeSize` leaves whose root is `root`. */
export function verifyInclusion(
  leafHash: Buffer,
  index: number,
  treeSize: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false;
  // Walk down from the root to the leaf, noting on which side the leaf lies, then climb back up.
  const isLeafLeft: boolean[] = [];
  for (let lo = 0, hi = treeSize; hi - lo > 1; ) {
    const k = splitPoint(hi - lo);
    isLeafLeft.push(index < lo + k);
    if (index < lo + k) hi = lo + k;
    else lo += k;
  }
  if (proof.length !== isLeafLeft.length) return false;
  let hash = leafHash;
  proof.forEach((sibling, i) => {
    hash = isLeafLeft[isLeafLeft.length - 1 - i] ? nodeHash(hash, sibling) : nodeHash(sibling, hash);
  });
  return hash.equals(root);
}

/** Whether `proof` shows that the tree of `oldSize` leaves with `oldRoot` is a prefix of the tree of `newSize` leaves with `newRoot`. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Buffer,
  newRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !proof.every(isHash)) return false;
  if (oldSize === 0) return proof.length === 0 && oldRoot.equals(EMPTY_TREE_HASH) && (newSize > 0 || newRoot.equals(EMPTY_TREE_HASH));
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  const roots = consistentRoots(proof, proof.length, oldSize, 0, newSize, true, oldRoot);
  return roots !== null && roots.old.equals(oldRoot) && roots.new.equals(newRoot);
}

/**
 * Runs the proof of RFC 9162's SUBPROOF over leaves [lo, hi): the hashes of that range in the old
 * tree and in the new one. Uses proof[0 … end); this level's hash is the last of them.
 */
function consistentRoots(
  proof: readonly Buffer[],
  end: number,
  oldSize: number,
  lo: number,
  hi: number,
  isOldRoot: boolean,
  oldRoot: Buffer,
): { old: Buffer; new: Buffer } | null {
  if (oldSize === hi) {
    if (isOldRoot) return end === 0 ? { old: oldRoot, new: oldRoot } : null;
    return end === 1 ? { old: proof[0], new: proof[0] } : null;
  }
  if (end === 0) return null;
  const k = splitPoint(hi - lo);
  const other = proof[end - 1];
  if (oldSize <= lo + k) {
    const left = consistentRoots(proof, end - 1, oldSize, lo, lo + k, isOldRoot, oldRoot);
    return left && { old: left.old, new: nodeHash(left.new, other) };
  }
  const right = consistentRoots(proof, end - 1, oldSize, lo + k, hi, false, oldRoot);
  return right && { old: nodeHash(other, right.old), new: nodeHash(other, right.new) };
}
