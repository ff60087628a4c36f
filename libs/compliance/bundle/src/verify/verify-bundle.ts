import { ProofError } from '@keyward/shared/transparency';
import { CHECKPOINT_FILE, CONSISTENCY_PROOF_FILE, isContiguousKind, MANIFEST_FILE, RANGE_PROOF_FILE, type BundleManifest } from '../layout/bundle-layout';
import { parseManifest } from '../layout/manifest-parse';
import { assertVerifierKeys, openCheckpoint, type CheckpointFields } from '../log/checkpoint-note';
import { readConsistencyProofFile, readRangeProofFile, type ConsistencyProofInput, type RangeProofInput } from '../log/proof-files';
import { sha256Hex } from '../streams/sha256';
import { BundleZip } from './bundle-zip';
import { ContiguousProof } from './contiguous-proof';
import { checkFileSet, hasRangeProof } from './file-set';
import { FileHashes } from './file-hashes';
import { InclusionProofs } from './inclusion-proofs';
import { verifyRecords } from './records-pass';
import { checkSince } from './since-check';
import { BundleFailure, BundleInputError, fail, type VerifyResult } from './verify-result';

/** A filtered bundle of a million records lists a million indexes and proof hashes: about 100 MB. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/** A signed note, or a proof of a few dozen hashes. */
const MAX_SMALL_FILE_BYTES = 64 * 1024;

export interface VerifyOptions {
  /** Verifier keys (`<name>+<key id>+<base64 key>`) the checkpoint must be signed with: one is enough. */
  readonly keys: readonly string[];
  /** An older signed checkpoint the auditor holds: the bundle's must extend it. */
  readonly since?: string;
}

/**
 * Verifies an export bundle offline (DESIGN §7), reading the ZIP as a stream, and answers with
 * the first failure: the leaf index of the record to blame when there is one, the file, and why.
 * In order: the manifest and the set of files; the checkpoint's signature and that the manifest
 * names it; the auditor's older checkpoint (`since`); every record (no secret, canonical JSON, an
 * audit record of the tenant, in order) and its proof (the root rebuilt, or each inclusion proof);
 * the CSV and OCSF files against their rebuild; last, every file's SHA-256 against the manifest.
 * Throws a BundleInputError for what is not a question about the bundle: a malformed key, a file
 * that is missing, unreadable or not a ZIP.
 */
export async function verifyBundle(zipPath: string, options: VerifyOptions): Promise<VerifyResult> {
  assertVerifierKeys(options.keys, (message) => {
    throw new BundleInputError(`malformed verifier key: ${message}`);
  });
  let zip: BundleZip | null = null;
  try {
    zip = await BundleZip.open(zipPath);
    return { ok: true, records: await verifyContents(zip, options) };
  } catch (error) {
    if (error instanceof BundleFailure) return { ok: false, ...error.failure };
    throw error;
  } finally {
    zip?.close();
  }
}

async function verifyContents(zip: BundleZip, options: VerifyOptions): Promise<number> {
  const manifest = parseManifest((await zip.read(MANIFEST_FILE, MAX_MANIFEST_BYTES)).toString('utf8'));
  checkFileSet(zip.names, manifest);
  const hashes = new FileHashes(manifest.files);
  const note = await zip.read(CHECKPOINT_FILE, MAX_SMALL_FILE_BYTES);
  hashes.note(CHECKPOINT_FILE, sha256Hex(note));
  const checkpoint = signedCheckpoint(note, options.keys, manifest);
  const consistency = manifest.sinceSize === undefined ? null : await consistencyProof(zip, hashes, manifest, checkpoint);
  if (options.since !== undefined) checkSince(options.since, options.keys, checkpoint, manifest, consistency);
  const proof = isContiguousKind(manifest.kind)
    ? new ContiguousProof(manifest, checkpoint, hasRangeProof(manifest) ? await rangeProof(zip, hashes) : null)
    : new InclusionProofs(zip, manifest, checkpoint, note, hashes);
  const count = await verifyRecords(zip, manifest, proof, hashes);
  for (const name of hashes.unread()) hashes.note(name, sha256Hex(await zip.read(name, MAX_SMALL_FILE_BYTES)));
  hashes.assertMatch(isContiguousKind(manifest.kind) ? 0 : manifest.records);
  return count;
}

/** checkpoint.txt is signed by one of the keys, and is the checkpoint the manifest names. */
function signedCheckpoint(note: Buffer, keys: readonly string[], manifest: BundleManifest): CheckpointFields {
  const opened = openCheckpoint(note, keys);
  if ('problem' in opened) return fail({ file: CHECKPOINT_FILE, reason: opened.problem });
  const { origin, size, rootHash } = opened.checkpoint;
  const named = manifest.checkpoint;
  if (origin !== manifest.origin) fail({ file: MANIFEST_FILE, reason: `names origin "${manifest.origin}"; checkpoint.txt is of "${origin}"` });
  if (size !== named.size || rootHash.toString('base64') !== named.rootHash) {
    fail({ file: MANIFEST_FILE, reason: `names checkpoint ${named.size} ${named.rootHash}; checkpoint.txt is ${size} ${rootHash.toString('base64')}` });
  }
  return opened.checkpoint;
}

async function consistencyProof(zip: BundleZip, hashes: FileHashes, manifest: BundleManifest, checkpoint: CheckpointFields): Promise<ConsistencyProofInput> {
  const bytes = await zip.read(CONSISTENCY_PROOF_FILE, MAX_SMALL_FILE_BYTES);
  hashes.note(CONSISTENCY_PROOF_FILE, sha256Hex(bytes));
  const proof = parsed(CONSISTENCY_PROOF_FILE, () => readConsistencyProofFile(bytes));
  if (proof.oldSize !== manifest.sinceSize || proof.newSize !== checkpoint.size) {
    fail({ file: CONSISTENCY_PROOF_FILE, reason: `proves ${proof.oldSize} → ${proof.newSize}, not the manifest's sinceSize ${manifest.sinceSize} → ${checkpoint.size}` });
  }
  return proof;
}

async function rangeProof(zip: BundleZip, hashes: FileHashes): Promise<RangeProofInput> {
  const bytes = await zip.read(RANGE_PROOF_FILE, MAX_SMALL_FILE_BYTES);
  hashes.note(RANGE_PROOF_FILE, sha256Hex(bytes));
  return parsed(RANGE_PROOF_FILE, () => readRangeProofFile(bytes));
}

function parsed<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ProofError) fail({ file, reason: `is malformed: ${error.message}` });
    throw error;
  }
}
