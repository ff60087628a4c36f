import { verifyConsistency } from '@keyward/shared/transparency';
import { CHECKPOINT_FILE, CONSISTENCY_PROOF_FILE, type BundleManifest } from '../layout/bundle-layout';
import { openCheckpoint, type CheckpointFields } from '../log/checkpoint-note';
import type { ConsistencyProofInput } from '../log/proof-files';
import { fail } from './verify-result';

/** How a failure about the auditor's own checkpoint is named (it is not a file of the bundle). */
export const SINCE = '--since';

/**
 * The bundle's checkpoint extends the one the auditor already holds (`since`, a signed note):
 * that note verifies with the same keys, is of the same log, is not newer, and the bundle's
 * consistency proof (exported with `sinceSize` = its size) takes its root to the new one. Two
 * signed checkpoints that fail this are the proof of a fork.
 */
export function checkSince(
  since: string,
  keys: readonly string[],
  checkpoint: CheckpointFields,
  manifest: BundleManifest,
  consistencyProof: ConsistencyProofInput | null,
): void {
  const opened = openCheckpoint(since, keys);
  if ('problem' in opened) return fail({ file: SINCE, reason: `the checkpoint you hold does not verify: ${opened.problem}` });
  const held = opened.checkpoint;
  const { size } = checkpoint;
  if (held.origin !== checkpoint.origin) fail({ file: SINCE, reason: `the checkpoint you hold is of log "${held.origin}", the bundle's of "${checkpoint.origin}"` });
  if (held.size > size) {
    fail({ file: SINCE, reason: `the checkpoint you hold (size ${held.size}) is newer than the bundle's (size ${size}): ask for a bundle drawn from a checkpoint of at least ${held.size} leaves` });
  }
  const fork = `fork: the log of size ${size} does not extend the checkpoint of size ${held.size} you hold`;
  if (held.size === size) {
    if (!held.rootHash.equals(checkpoint.rootHash)) fail({ file: CHECKPOINT_FILE, reason: fork });
    return;
  }
  if (manifest.sinceSize !== held.size || consistencyProof === null) {
    const exported = manifest.sinceSize === undefined ? 'the bundle has no consistency proof' : `the bundle proves consistency from size ${manifest.sinceSize}`;
    fail({ file: CONSISTENCY_PROOF_FILE, reason: `${exported}, and you hold the checkpoint of size ${held.size}: export it again with sinceSize=${held.size}` });
  }
  if (!verifyConsistency(held.size, size, held.rootHash, checkpoint.rootHash, consistencyProof.hashes)) fail({ file: CONSISTENCY_PROOF_FILE, reason: fork });
}
