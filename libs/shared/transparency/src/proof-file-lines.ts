import type { Buffer } from 'node:buffer';
import { isHash } from './hashing';
import { ProofError } from './proof-error';
import { linesOf, parseDecimal, parseHash } from './strict-text';
import { isCount } from './tree-shape';

// The shape our own proof files share: a header line, `<name> <decimal>` field lines in a fixed
// order, then one base64 hash per line, every line ending in a newline and nothing after the last.

/** More hashes than any proof in a tree of 2^53 leaves holds. */
export const MAX_PROOF_HASHES = 128;

/** Writes a proof file: the header, the fields in order, the hashes. */
export function writeProofFile(header: string, fields: readonly [string, number][], hashes: readonly Buffer[]): string {
  for (const [name, value] of fields) {
    if (!isCount(value)) throw new ProofError(`${name} must be an integer from 0 to 2^53 - 1, not ${value}`);
  }
  const bad = hashes.findIndex((hash) => !isHash(hash));
  if (bad >= 0) throw new ProofError(`proof hash ${bad + 1} is ${hashes[bad].length} bytes, not 32`);
  const lines = [header, ...fields.map(([name, value]) => `${name} ${value}`), ...hashes.map((hash) => hash.toString('base64'))];
  return lines.map((line) => `${line}\n`).join('');
}

/** Reads a proof file written by writeProofFile with the same header and field names. */
export function readProofFile(text: string, header: string, names: readonly string[]): { fields: number[]; hashes: Buffer[] } {
  const lines = linesOf(text, `a ${header}`, ProofError);
  if (lines[0] !== header) throw new ProofError(`the first line must be "${header}", not ${JSON.stringify(lines[0])}`);
  const fields = names.map((name, i) => {
    const line = lines[i + 1];
    if (line === undefined || !line.startsWith(`${name} `)) {
      throw new ProofError(`line ${i + 2} must be "${name} <decimal>", not ${JSON.stringify(line ?? '')}`);
    }
    return parseDecimal(line.slice(name.length + 1), name, ProofError);
  });
  return { fields, hashes: readHashLines(lines.slice(names.length + 1), names.length + 2) };
}

/** One base64 SHA-256 hash per line; `firstLine` numbers the lines in messages. */
export function readHashLines(lines: readonly string[], firstLine: number): Buffer[] {
  if (lines.length > MAX_PROOF_HASHES) throw new ProofError(`the proof has ${lines.length} hashes, more than any tree of 2^53 leaves needs`);
  return lines.map((line, i) => {
    if (line === '') throw new ProofError(`line ${firstLine + i} is empty; a hash was expected`);
    return parseHash(line, `the hash on line ${firstLine + i}`, ProofError);
  });
}
