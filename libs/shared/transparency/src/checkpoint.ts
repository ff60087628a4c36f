import type { Buffer } from 'node:buffer';
import { isHash } from './hashing';
import { NoteError } from './note-error';
import { indexOfForbiddenCharacter, linesOf, parseDecimal, parseHash } from './strict-text';
import { isCount } from './tree-shape';

// C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the text of a signed note that commits a log to
// a tree — origin line, tree size in decimal, base64 root hash, then optional extension lines.

/** A log's tree head: its origin, size and root hash. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Buffer;
  readonly extensions?: readonly string[];
}

/** The checkpoint's note text: "origin\nsize\nbase64 root\n" and one line per extension. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  assertLine(origin, 'the origin');
  if (!isCount(size)) throw new NoteError(`the tree size must be an integer from 0 to 2^53 - 1, not ${size}`);
  if (!isHash(rootHash)) throw new NoteError(`the root hash is ${rootHash.length} bytes, not 32`);
  extensions.forEach((extension, i) => assertLine(extension, `extension line ${i + 1}`));
  return [origin, String(size), rootHash.toString('base64'), ...extensions].map((line) => `${line}\n`).join('');
}

/** Reads a checkpoint note text (the text openNote returns, not the signed note itself). */
export function parseCheckpoint(text: string): Checkpoint {
  const bad = indexOfForbiddenCharacter(text);
  if (bad >= 0) throw new NoteError(`the checkpoint holds a control character or invalid UTF-8 at character ${bad}`);
  const lines = linesOf(text, 'a checkpoint', NoteError);
  if (lines.length < 3) throw new NoteError(`a checkpoint has an origin, a size and a root hash line; this one has ${lines.length} lines`);
  const [origin, size, rootHash, ...extensions] = lines;
  if (origin === '') throw new NoteError('the checkpoint origin line is empty');
  const empty = extensions.indexOf('');
  if (empty >= 0) throw new NoteError(`checkpoint line ${empty + 4} is empty; extension lines must not be`);
  const checkpoint = {
    origin,
    size: parseDecimal(size, 'the checkpoint tree size', NoteError),
    rootHash: parseHash(rootHash, 'the checkpoint root hash', NoteError),
  };
  return extensions.length > 0 ? { ...checkpoint, extensions } : checkpoint;
}

function assertLine(line: string, what: string): void {
  if (line === '' || line.includes('\n') || indexOfForbiddenCharacter(line) >= 0) {
    throw new NoteError(`${what} must be one non-empty line of text, not ${JSON.stringify(line)}`);
  }
}
