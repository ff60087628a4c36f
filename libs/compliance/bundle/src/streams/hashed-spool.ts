import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/**
 * A temporary file written in one pass, its SHA-256 computed as it is written, then read back.
 * `write` waits for 'drain' when the file's buffer is full, so memory stays constant however
 * much is spooled.
 */
export class HashedSpool {
  private readonly file: WriteStream;
  private readonly hash = createHash('sha256');
  private size = 0;
  private sha256: string | null = null;

  constructor(readonly path: string) {
    this.file = createWriteStream(path);
    // Errors surface from `write` and `close`; this keeps an early one from being unhandled.
    this.file.on('error', () => undefined);
  }

  async write(bytes: Buffer | string): Promise<void> {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.hash.update(buffer);
    this.size += buffer.length;
    if (!this.file.write(buffer)) await Promise.race([once(this.file, 'drain'), finished(this.file)]);
    if (this.file.errored) throw this.file.errored;
  }

  /** Flushes and closes the file; returns its SHA-256 (hex) and size. */
  async close(): Promise<{ sha256: string; size: number }> {
    if (this.sha256 === null) {
      this.file.end();
      await finished(this.file);
      this.sha256 = this.hash.digest('hex');
    }
    return { sha256: this.sha256, size: this.size };
  }

  /** The spooled bytes, after `close`. */
  read(): Readable {
    return createReadStream(this.path);
  }

  /** Closes the file without waiting for its data (on error paths). */
  abandon(): void {
    this.file.destroy();
  }
}
