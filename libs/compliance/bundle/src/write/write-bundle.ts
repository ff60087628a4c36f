import archiver from 'archiver';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  CHECKPOINT_FILE,
  CONSISTENCY_PROOF_FILE,
  CSV_FILE,
  MANIFEST_FILE,
  OCSF_FILE,
  RANGE_PROOF_FILE,
} from '../layout/bundle-layout';
import { manifestText } from '../layout/manifest-render';
import { checkpointOfNote } from '../log/checkpoint-note';
import { consistencyProofFile, rangeProofFile } from '../log/proof-files';
import { sha256Hex } from '../streams/sha256';
import { ArchiveEntries } from './archive-entries';
import { BundleWriteError, type BundleInput, type BundleWritten } from './bundle-input';
import { planBundle, type BundlePlan } from './bundle-plan';
import { appendInclusionProofs } from './inclusion-proofs';
import { streamRecords } from './record-stream';

/**
 * Writes an export bundle (DESIGN §7) to `output` as a streamed ZIP, in one pass over the records:
 * `records.ndjson` goes into the archive as the records come, while their CSV and OCSF lines and
 * their indexes are spooled to a temporary directory (removed afterwards, also on error) and
 * hashed as they are written; then the spooled files, the inclusion proofs of a filtered bundle,
 * and `manifest.json` last. Memory stays constant in the number of records, except for the ZIP's
 * central directory (a hundred bytes per file: a filtered bundle has one proof file per record).
 * Rejects with a BundleWriteError before anything is written when the input does not fit the
 * checkpoint; on a failure midway, `output` is destroyed so a partial ZIP is never taken for a bundle.
 */
export async function writeBundle(input: BundleInput, output: NodeJS.WritableStream): Promise<BundleWritten> {
  const checkpoint = checkpointOfNote(input.checkpointNote);
  const plan = planBundle(input, checkpoint);
  const work = await mkdtemp(join(tmpdir(), 'keyward-bundle-'));
  const archive = archiver('zip', { zlib: { level: 6 } });
  const written = pipeline(archive, output);
  try {
    const entries = new ArchiveEntries(archive, new Date(input.manifest.generatedAt));
    appendProofFiles(entries, input, plan);
    const spooled = await streamRecords(entries, input.records, plan, work);
    const manifestHead = { ...plan.manifest, records: spooled.records };
    await entries.append(CSV_FILE, spooled.csv.read(), (await spooled.csv.close()).sha256);
    await entries.append(OCSF_FILE, spooled.ocsf.read(), (await spooled.ocsf.close()).sha256);
    const proofHashes = plan.isContiguous ? null : await appendInclusionProofs(entries, spooled.indexes, input, work);
    const manifest = manifestText(manifestHead, plan.isContiguous ? null : spooled.indexes.read(), entries.hashes, proofHashes?.read() ?? null);
    await entries.append(MANIFEST_FILE, manifest);
    await archive.finalize();
    await written;
    return { records: spooled.records, bytes: archive.pointer() };
  } catch (error) {
    archive.destroy(error instanceof Error ? error : new BundleWriteError(String(error)));
    await written.catch(() => undefined);
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The files known before the first record: the checkpoint, and the range and consistency proofs. */
function appendProofFiles(entries: ArchiveEntries, input: BundleInput, plan: BundlePlan): void {
  const note = Buffer.from(input.checkpointNote, 'utf8');
  entries.appendBuffer(CHECKPOINT_FILE, note, sha256Hex(note));
  if (plan.rangeProof) {
    const bytes = rangeProofFile(plan.rangeProof);
    entries.appendBuffer(RANGE_PROOF_FILE, bytes, sha256Hex(bytes));
  }
  if (plan.consistencyProof) {
    const bytes = consistencyProofFile(plan.consistencyProof);
    entries.appendBuffer(CONSISTENCY_PROOF_FILE, bytes, sha256Hex(bytes));
  }
}
