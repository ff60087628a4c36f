import {
  formatConsistencyProof,
  formatRangeProof,
  formatTlogProof,
  parseConsistencyProof,
  parseRangeProof,
  parseTlogProof,
} from '@keyward/shared/transparency';

/** `proofs/range.txt`: leaves [from, to) of the tree of `size` leaves, and the hashes of the subtrees outside them. */
export interface RangeProofInput {
  readonly from: number;
  readonly to: number;
  readonly size: number;
  readonly hashes: readonly Buffer[];
}

/** `proofs/consistency.txt`: the tree of `oldSize` leaves is a prefix of the tree of `newSize`. */
export interface ConsistencyProofInput {
  readonly oldSize: number;
  readonly newSize: number;
  readonly hashes: readonly Buffer[];
}

/** A record's C2SP tlog-proof: its leaf index, audit path, and the signed checkpoint note it is against. */
export interface InclusionProofInput {
  readonly index: number;
  readonly hashes: readonly Buffer[];
  readonly checkpointNote: Buffer;
}

export function rangeProofFile(proof: RangeProofInput): Buffer {
  return Buffer.from(formatRangeProof(proof), 'utf8');
}

export function consistencyProofFile(proof: ConsistencyProofInput): Buffer {
  return Buffer.from(formatConsistencyProof(proof), 'utf8');
}

export function tlogProofFile(index: number, hashes: readonly Buffer[], checkpointNote: string): Buffer {
  return Buffer.from(formatTlogProof({ index, hashes, checkpoint: checkpointNote }), 'utf8');
}

/** The parsers throw a ProofError that says what is wrong. */
export function readRangeProofFile(bytes: Buffer): RangeProofInput {
  return parseRangeProof(bytes.toString('utf8'));
}

export function readConsistencyProofFile(bytes: Buffer): ConsistencyProofInput {
  return parseConsistencyProof(bytes.toString('utf8'));
}

export function readTlogProofFile(bytes: Buffer): InclusionProofInput {
  const { index, hashes, checkpoint } = parseTlogProof(bytes.toString('utf8'));
  return { index, hashes, checkpointNote: Buffer.from(checkpoint, 'utf8') };
}
