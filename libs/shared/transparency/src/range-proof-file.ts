import type { Buffer } from 'node:buffer';
import { ProofError } from './proof-error';
import { readProofFile, writeProofFile } from './proof-file-lines';

/*
 * A range proof file, our own small text format: it proves that leaves [from, to) are the leaves
 * at those indexes of the tree of `size` leaves, and so that none was dropped, added or reordered.
 *
 *   keyward range proof v1
 *   from <first leaf index, decimal>
 *   to <index after the last leaf, decimal>
 *   size <tree size, decimal>
 *   <base64 hash>            one line per hash of TreeReader.rangeProof, left to right
 *
 * The hashes are those of the subtrees entirely outside [from, to) that the RFC 9162 MTH recursion
 * meets, left to right; with the leaf hashes of the range they rebuild the root (rootFromRange).
 * Decimals have no sign and no leading zeros, 0 ≤ from ≤ to ≤ size; hashes are standard padded
 * base64 of 32 bytes; every line ends with a newline and nothing follows the last hash.
 */

const HEADER = 'keyward range proof v1';

/** Writes a range proof file. */
export function formatRangeProof(proof: { from: number; to: number; size: number; hashes: readonly Buffer[] }): string {
  assertRange(proof.from, proof.to, proof.size);
  return writeProofFile(HEADER, [['from', proof.from], ['to', proof.to], ['size', proof.size]], proof.hashes);
}

/** Reads a range proof file; throws a ProofError that says what is wrong. */
export function parseRangeProof(text: string): { from: number; to: number; size: number; hashes: Buffer[] } {
  const { fields, hashes } = readProofFile(text, HEADER, ['from', 'to', 'size']);
  const [from, to, size] = fields;
  assertRange(from, to, size);
  return { from, to, size, hashes };
}

function assertRange(from: number, to: number, size: number): void {
  if (from > to || to > size) throw new ProofError(`the range [${from}, ${to}) is not within a tree of ${size} leaves`);
}
