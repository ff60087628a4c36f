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
import type { HashedSpool } from '../streams/hashed-writer';
import { sha256Hex } from '../streams/sha256';
import { ArchiveEntries } from './archive-entries';
import { BundleWriteError, type BundleInput, type BundleWritten } from './bundle-input';
import { planBundle, type BundlePlan } from './bundle-plan';
import { BundleSpools } from './bundle-spools';
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
  const spools = new BundleSpools(work);
  // archiver buffers up to highWaterMark of ZIP bytes on each side (1 MiB by default): a download that
  // stalls holds that much, per export, whatever the record count. 256 KiB is plenty for throughput.
  const archive = archiver('zip', { zlib: { level: 6 }, highWaterMark: 256 * 1024 });
  const written = pipeline(archive, output);
  try {
    const entries = new ArchiveEntries(archive, new Date(input.manifest.generatedAt));
    appendProofFiles(entries, input, plan);
    const records = await streamRecords(entries, input.records, plan, spools);
    await appendSpooled(entries, CSV_FILE, spools.csv);
    await appendSpooled(entries, OCSF_FILE, spools.ocsf);
    if (!plan.isContiguous) await appendInclusionProofs(entries, spools, input);
    const indexes = plan.isContiguous ? null : spools.indexes.read();
    const proofLines = plan.isContiguous ? null : spools.proofLines.read();
    await entries.append(MANIFEST_FILE, manifestText({ ...plan.manifest, records }, indexes, entries.hashes, proofLines));
    // finalize() never settles once the output is gone; the pipeline is what rejects then.
    archive.finalize().catch(() => undefined);
    await Promise.race([written, entries.broken]);
    return { records, bytes: archive.pointer() };
  } catch (error) {
    archive.destroy(error instanceof Error ? error : new BundleWriteError(String(error)));
    spools.abandon();
    await written.catch(() => undefined);
    throw error;
  } finally {
    spools.abandon();
    await rm(work, { recursive: true, force: true });
  }
}

async function appendSpooled(entries: ArchiveEntries, name: string, spool: HashedSpool): Promise<void> {
  const { sha256 } = await spool.end();
  await entries.append(name, spool.read(), sha256);
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
