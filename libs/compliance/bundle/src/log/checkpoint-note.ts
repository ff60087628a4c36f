import { NoteError, openNote, parseCheckpoint, parseVerifierKey, type Checkpoint } from '@keyward/shared/transparency';

/** A checkpoint's origin, size and root hash. */
export type CheckpointFields = Pick<Checkpoint, 'origin' | 'size' | 'rootHash'>;

/**
 * The checkpoint of a signed note, its signatures not checked: the writer is handed a note the
 * server signed and only needs its size and root for the manifest.
 */
export function checkpointOfNote(note: string): CheckpointFields {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('the checkpoint note has no blank line between its text and its signatures');
  return parseCheckpoint(note.slice(0, split + 1));
}

/**
 * Opens a signed checkpoint note with the verifier keys: the checkpoint, or why not (signed by no
 * given key; a signature by a given key that does not verify; not a checkpoint note at all).
 */
export function openCheckpoint(note: string | Uint8Array, keys: readonly string[]): { checkpoint: CheckpointFields } | { problem: string } {
  try {
    return { checkpoint: parseCheckpoint(openNote(note, keys).text) };
  } catch (error) {
    if (error instanceof NoteError) return { problem: error.message };
    throw error;
  }
}

/** Checks every verifier key; the first malformed one throws, with what is wrong with it. */
export function assertVerifierKeys(keys: readonly string[], onMalformed: (message: string) => never): void {
  if (keys.length === 0) onMalformed('no verifier key given');
  for (const key of keys) {
    try {
      parseVerifierKey(key);
    } catch (error) {
      onMalformed(error instanceof Error ? error.message : String(error));
    }
  }
}
