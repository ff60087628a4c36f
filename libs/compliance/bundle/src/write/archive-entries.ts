import type { Archiver } from 'archiver';
import { once } from 'node:events';
import { Readable } from 'node:stream';

/** Entries waiting in archiver's queue at most: each holds its source open, so a million must not queue at once. */
const MAX_QUEUED = 32;

/**
 * The entries of a bundle being written, with the SHA-256 of each for the manifest. archiver
 * queues what it is given; `append` waits while the queue is long, and every wait also ends when
 * the archive fails (the client went away, say), so a writer never waits forever on a dead ZIP.
 */
export class ArchiveEntries {
  /** SHA-256 (hex) of every file but the manifest, in the order they were added. */
  readonly hashes: Record<string, string> = {};
  /** Rejects when the archive errors or is closed before its end (the client went away); never resolves. */
  readonly broken: Promise<never>;
  private queued = 0;

  constructor(
    private readonly archive: Archiver,
    private readonly date: Date,
  ) {
    archive.on('entry', () => this.queued--);
    let isEnded = false;
    archive.once('end', () => (isEnded = true));
    this.broken = new Promise<never>((_, reject) => {
      archive.once('error', reject);
      archive.once('close', () => isEnded || reject(new Error('the archive was closed before the bundle was complete')));
    });
    this.broken.catch(() => undefined);
  }

  /** Adds a small file held in memory. */
  appendBuffer(name: string, bytes: Buffer, sha256: string): void {
    this.add(name, bytes, sha256, false);
  }

  /** Adds a streamed file; without `sha256` it is not listed until `setHash` (the manifest never is). */
  async append(name: string, source: Buffer | Readable | AsyncIterable<Buffer>, sha256?: string): Promise<void> {
    await this.waitForRoom();
    this.add(name, Buffer.isBuffer(source) || source instanceof Readable ? source : Readable.from(source), sha256, false);
  }

  /**
   * Adds a small file stored uncompressed: an inclusion proof is base64 hashes and a signed note,
   * which deflate hardly shrinks, and a deflate stream per proof costs more than the proof.
   */
  async appendStored(name: string, bytes: Buffer): Promise<void> {
    await this.waitForRoom();
    this.add(name, bytes, undefined, true);
  }

  setHash(name: string, sha256: string): void {
    this.hashes[name] = sha256;
  }

  private async waitForRoom(): Promise<void> {
    while (this.queued >= MAX_QUEUED) await Promise.race([once(this.archive, 'entry'), this.broken]);
  }

  private add(name: string, source: Readable | Buffer, sha256: string | undefined, isStored: boolean): void {
    if (sha256 !== undefined) this.hashes[name] = sha256;
    this.queued++;
    this.archive.append(source, { name, date: this.date, ...(isStored ? { store: true } : {}) });
  }
}
