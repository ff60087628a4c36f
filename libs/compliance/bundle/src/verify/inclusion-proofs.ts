import { ProofError, verifyInclusion } from '@keyward/shared/transparency';
import { inclusionProofFile, RECORDS_FILE, type BundleManifest } from '../layout/bundle-layout';
import type { CheckpointFields } from '../log/checkpoint-note';
import { readTlogProofFile } from '../log/proof-files';
import { sha256Hex } from '../streams/sha256';
import type { BundleZip } from './bundle-zip';
import { assertDerivedFilesMatch } from './derived-difference';
import type { DerivedFileCheck } from './derived-file-check';
import type { FileHashes } from './file-hashes';
import type { LeafProof } from './leaf-proof';
import { fail } from './verify-result';

/** A tlog-proof: a checkpoint note and a few dozen hashes. */
const MAX_PROOF_BYTES = 64 * 1024;

/**
 * A filtered bundle's records, each proven on its own: `proofs/<index>.tlog-proof` must name the
 * record's leaf index, carry the very checkpoint of `checkpoint.txt`, and its audit path must take
 * the record's leaf hash to that checkpoint's root. A record that fails is named at once.
 */
export class InclusionProofs implements LeafProof {
  private readonly indexes: readonly number[];
  private readonly files: Readonly<Record<string, string>>;

  constructor(
    private readonly zip: BundleZip,
    manifest: BundleManifest,
    private readonly checkpoint: CheckpointFields,
    private readonly note: Buffer,
    private readonly hashes: FileHashes,
  ) {
    this.indexes = manifest.indexes ?? [];
    this.files = manifest.files;
  }

  indexAt(position: number): number | null {
    return this.indexes[position] ?? null;
  }

  extraLine(position: number): void {
    fail({ file: RECORDS_FILE, reason: `has a line ${position + 1} past the ${this.indexes.length} records manifest.json lists (an inserted record)` });
  }

  async accept(position: number, leafHash: Buffer): Promise<void> {
    const index = this.indexes[position];
    const file = inclusionProofFile(index);
    const bytes = await this.zip.read(file, MAX_PROOF_BYTES);
    const digest = sha256Hex(bytes);
    const isListed = digest === this.files[file];
    this.hashes.note(file, digest, true);
    const proof = this.parse(index, file, bytes);
    if (proof.index !== index) fail({ index, file, reason: `its proof, ${file}, is for leaf ${proof.index}` });
    if (!proof.checkpointNote.equals(this.note)) fail({ index, file, reason: `its proof, ${file}, is against another checkpoint than checkpoint.txt` });
    if (!verifyInclusion(leafHash, index, this.checkpoint.size, proof.hashes, this.checkpoint.rootHash)) {
      fail({
        index,
        ...(isListed ? {} : { file }),
        reason: isListed
          ? `does not match its inclusion proof (${file}): the record was changed, replaced or moved`
          : `does not match its inclusion proof, and ${file} is not the file manifest.json lists (changed after export)`,
      });
    }
  }

  finish(count: number, derived: readonly DerivedFileCheck[]): void {
    if (count < this.indexes.length) {
      fail({ index: this.indexes[count], file: RECORDS_FILE, reason: `is missing: records.ndjson holds ${count} of the ${this.indexes.length} records manifest.json lists` });
    }
    assertDerivedFilesMatch(derived, (position) => this.indexAt(position));
  }

  private parse(index: number, file: string, bytes: Buffer): ReturnType<typeof readTlogProofFile> {
    try {
      return readTlogProofFile(bytes);
    } catch (error) {
      if (error instanceof ProofError) {
        fail({ index, file, reason: `its proof, ${file}, is not a tlog-proof: ${error.message}` });
      }
      throw error;
    }
  }
}
