import type { Buffer } from 'node:buffer';
import { ProofError } from './proof-error';
import { readProofFile, writeProofFile } from './proof-file-lines';

/*
 * A consistency proof file, our own small text format (RFC 9162 defines the proof, not a file):
 *
 *   keyward consistency proof v1
 *   old <old tree size, decimal>
 *   new <new tree size, decimal>
 *   <base64 hash>            one line per hash of the RFC 9162 §2.1.4 proof, in its order
 *
 * Decimals have no sign and no leading zeros; hashes are standard padded base64 of 32 bytes; every
 * line ends with a newline and nothing follows the last hash. There are no hash lines when the old
 * size is 0 or equals the new size. The roots it links come from the two signed checkpoints.
 */

const HEADER = 'keyward consistency proof v1';

/** Writes a consistency proof file. */
export function formatConsistencyProof(proof: { oldSize: number; newSize: number; hashes: readonly Buffer[] }): string {
  if (proof.oldSize > proof.newSize) throw new ProofError(`the old size ${proof.oldSize} is larger than the new size ${proof.newSize}`);
  return writeProofFile(HEADER, [['old', proof.oldSize], ['new', proof.newSize]], proof.hashes);
}

/** Reads a consistency proof file; throws a ProofError that says what is wrong. */
export function parseConsistencyProof(text: string): { oldSize: number; newSize: number; hashes: Buffer[] } {
  const { fields, hashes } = readProofFile(text, HEADER, ['old', 'new']);
  const [oldSize, newSize] = fields;
  if (oldSize > newSize) throw new ProofError(`the old size ${oldSize} is larger than the new size ${newSize}`);
  return { oldSize, newSize, hashes };
}
