import { MANIFEST_FILE } from '../layout/bundle-layout';
import { fail } from './verify-result';

/**
 * The SHA-256 of every file, compared with the manifest as each file is read, but reported only
 * at the very end: a record that fails names itself and why, which is worth more than "this file
 * changed"; the hashes still catch whatever passes every other check (a reworded proof file).
 */
export class FileHashes {
  private firstMismatch: string | null = null;
  private readonly noted = new Set<string>();
  private proofs = 0;

  constructor(private readonly files: Readonly<Record<string, string>>) {}

  /** Records a file's digest; an inclusion proof (a million of them, maybe) is counted, not named. */
  note(name: string, sha256: string, isInclusionProof = false): void {
    if (this.files[name] !== sha256 && this.firstMismatch === null) this.firstMismatch = name;
    if (isInclusionProof) this.proofs++;
    else this.noted.add(name);
  }

  /** Names of the listed files not noted yet (none but proofs, when the verifier has read everything). */
  unread(): string[] {
    return Object.keys(this.files).filter((name) => !this.noted.has(name) && !name.endsWith('.tlog-proof'));
  }

  /** Fails on the first file whose digest differs from the manifest's. */
  assertMatch(proofCount: number): void {
    if (this.proofs !== proofCount) fail({ file: MANIFEST_FILE, reason: `lists ${proofCount} inclusion proofs, ${this.proofs} were read` });
    if (this.firstMismatch !== null) {
      fail({ file: this.firstMismatch, reason: 'has a SHA-256 that is not the one manifest.json lists: the file was changed after export' });
    }
  }
}
