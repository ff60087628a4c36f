import type { DerivedFileCheck } from './derived-file-check';

/**
 * How a bundle's records are proven against its checkpoint, fed one leaf hash at a time: a
 * contiguous bundle rebuilds the root (of the whole log, or with a range proof), a filtered one
 * checks each record's inclusion proof.
 */
export interface LeafProof {
  /** The leaf index of the record at `position` (0-based line), or null past the records the manifest lists. */
  indexAt(position: number): number | null;
  /** A line past the records the manifest lists. */
  extraLine(position: number): void;
  accept(position: number, leafHash: Buffer): Promise<void>;
  /** After the last line: the count, the root, and whose fault a difference in a derived file is. */
  finish(count: number, derived: readonly DerivedFileCheck[]): void;
}
