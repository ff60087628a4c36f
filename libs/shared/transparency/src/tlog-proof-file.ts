import type { Buffer } from 'node:buffer';
import { isHash } from './hashing';
import { ProofError } from './proof-error';
import { readHashLines } from './proof-file-lines';
import { decodeBase64, parseDecimal } from './strict-text';
import { isCount } from './tree-shape';

// C2SP tlog-proof (c2sp.org/tlog-proof@v1): a header line, an optional "extra <base64>" line,
// "index <decimal>", the inclusion proof's hashes one per line, an empty line, then the signed
// checkpoint note verbatim. The checkpoint is not opened here: openNote with the log's key does that.

const HEADER = 'c2sp.org/tlog-proof@v1';

/** An inclusion proof with the checkpoint it is against, and optional unauthenticated extra data. */
export interface TlogProof {
  readonly index: number;
  readonly hashes: readonly Buffer[];
  readonly checkpoint: string;
  readonly extra?: Buffer;
}

/** Writes a tlog-proof file. `checkpoint` is the signed note, ending with a newline. */
export function formatTlogProof(proof: TlogProof): string {
  if (!isCount(proof.index)) throw new ProofError(`the leaf index must be an integer from 0 to 2^53 - 1, not ${proof.index}`);
  if (proof.checkpoint === '' || !proof.checkpoint.endsWith('\n')) throw new ProofError('the checkpoint must be a signed note ending with a newline');
  const bad = proof.hashes.findIndex((hash) => !isHash(hash));
  if (bad >= 0) throw new ProofError(`proof hash ${bad + 1} is ${proof.hashes[bad].length} bytes, not 32`);
  const extra = proof.extra === undefined ? [] : [`extra ${proof.extra.toString('base64')}`];
  const lines = [HEADER, ...extra, `index ${proof.index}`, ...proof.hashes.map((hash) => hash.toString('base64')), ''];
  return `${lines.join('\n')}\n${proof.checkpoint}`;
}

/** Reads a tlog-proof file; throws a ProofError that says what is wrong. */
export function parseTlogProof(text: string): { index: number; hashes: Buffer[]; checkpoint: string; extra?: Buffer } {
  const end = text.indexOf('\n\n');
  if (end < 0) throw new ProofError('a tlog proof has an empty line before its checkpoint; this one has none');
  const lines = text.slice(0, end).split('\n');
  const checkpoint = text.slice(end + 2);
  if (lines[0] !== HEADER) throw new ProofError(`the first line must be "${HEADER}", not ${JSON.stringify(lines[0])}`);
  let next = 1;
  let extra: Buffer | undefined;
  if (lines[next]?.startsWith('extra ')) {
    const decoded = decodeBase64(lines[next].slice('extra '.length));
    if (decoded === null) throw new ProofError('the extra data on line 2 is not standard base64');
    extra = decoded;
    next++;
  }
  const indexLine = lines[next] ?? '';
  if (!indexLine.startsWith('index ')) throw new ProofError(`line ${next + 1} must be "index <decimal>", not ${JSON.stringify(indexLine)}`);
  const index = parseDecimal(indexLine.slice('index '.length), 'the leaf index', ProofError);
  const hashes = readHashLines(lines.slice(next + 1), next + 2);
  if (checkpoint === '') throw new ProofError('the tlog proof has no checkpoint after its empty line');
  if (!checkpoint.endsWith('\n')) throw new ProofError('the checkpoint must end with a newline');
  return extra === undefined ? { index, hashes, checkpoint } : { index, hashes, checkpoint, extra };
}
