import { MerkleAccumulator, ProofError, RangeRootBuilder } from '@keyward/shared/transparency';
import { RANGE_PROOF_FILE, RECORDS_FILE, type BundleManifest } from '../layout/bundle-layout';
import type { RangeProofInput } from '../log/proof-files';
import { assertDerivedFilesMatch, firstRecordDifference } from './derived-difference';
import type { DerivedFileCheck } from './derived-file-check';
import type { LeafProof } from './leaf-proof';
import type { CheckpointFields } from '../log/checkpoint-note';
import { fail } from './verify-result';

/**
 * An audit-log bundle's records, leaves [from, to), rebuild the checkpoint's root: the whole log
 * with a MerkleAccumulator, a part of it with the range proof's hashes of everything outside the
 * range. Memory is O(log n) either way.
 *
 * A root that does not match proves that some record is wrong, not which one. The derived files
 * point at it: the first record whose CSV or OCSF line differs from its rebuild is where the
 * records stopped being the ones exported (changed, dropped, inserted, moved). Only when those
 * files were rewritten to match is the culprit unnamed.
 */
export class ContiguousProof implements LeafProof {
  private readonly tree: { push(leafHash: Buffer): void; root(): Buffer };
  private readonly from: number;
  private readonly records: number;
  private readonly hasRangeProof: boolean;

  constructor(
    manifest: BundleManifest,
    private readonly checkpoint: CheckpointFields,
    rangeProof: RangeProofInput | null,
  ) {
    const range = manifest.range ?? { from: 0, to: manifest.records };
    this.from = range.from;
    this.records = manifest.records;
    this.hasRangeProof = rangeProof !== null;
    this.tree = rangeProof === null ? new MerkleAccumulator() : rangeBuilder(range, checkpoint.size, rangeProof);
  }

  indexAt(position: number): number | null {
    return position < this.records ? this.from + position : null;
  }

  extraLine(): void {
    // Counted in finish, where the derived files can say where the extra record went in.
  }

  async accept(position: number, leafHash: Buffer): Promise<void> {
    if (position < this.records) this.tree.push(leafHash);
  }

  finish(count: number, derived: readonly DerivedFileCheck[]): void {
    const first = firstRecordDifference(derived);
    if (count !== this.records) this.failCount(count, first);
    if (!this.tree.root().equals(this.checkpoint.rootHash)) {
      if (first !== null && first < count) {
        fail({
          index: this.from + first,
          reason: 'does not match the signed checkpoint: the records do not rebuild its root, and this is the first record its CSV and OCSF lines disagree with (changed, replaced or moved)',
        });
      }
      fail(
        this.hasRangeProof
          ? { file: RANGE_PROOF_FILE, reason: `the records and ${RANGE_PROOF_FILE} do not rebuild the signed checkpoint's root hash; records.csv and records.ocsf.ndjson agree with the records, so the range proof (or all three files) was changed` }
          : { file: RECORDS_FILE, reason: "the records do not rebuild the signed checkpoint's root hash; records.csv and records.ocsf.ndjson were changed to agree with them, so no record can be named" },
      );
    }
    assertDerivedFilesMatch(derived, (position) => this.indexAt(position));
  }

  private failCount(count: number, first: number | null): never {
    const position = Math.min(first ?? count, count, this.records);
    const where = position < this.records ? { index: this.from + position } : {};
    const reason =
      count < this.records
        ? `is missing: records.ndjson holds ${count} of the ${this.records} records manifest.json lists (a dropped record, or a truncated file)`
        : `is not the record exported there: records.ndjson holds ${count} records where manifest.json lists ${this.records} (an inserted record)`;
    return fail({ ...where, file: RECORDS_FILE, reason });
  }
}

function rangeBuilder(range: { from: number; to: number }, size: number, proof: RangeProofInput): RangeRootBuilder {
  if (proof.from !== range.from || proof.to !== range.to || proof.size !== size) {
    fail({ file: RANGE_PROOF_FILE, reason: `proves [${proof.from}, ${proof.to}) of ${proof.size} leaves, not the manifest's [${range.from}, ${range.to}) of ${size}` });
  }
  try {
    return new RangeRootBuilder(range.from, range.to, size, proof.hashes);
  } catch (error) {
    if (error instanceof ProofError) fail({ file: RANGE_PROOF_FILE, reason: `is not a range proof of this range: ${error.message}` });
    throw error;
  }
}
