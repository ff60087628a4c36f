import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Bytes gathered before a write: one deflate call, one file write, per 64 KiB rather than per record. */
const BATCH_BYTES = 64 * 1024;

/**
 * Writes to a stream in one pass, hashing (SHA-256) as it goes. Small writes are gathered into
 * 64 KiB chunks; a full stream is waited for ('drain'), so memory stays constant however much is
 * written. `once` rejects on 'error' and removes its listeners: nothing piles up per wait.
 */
export class HashedWriter {
  private readonly hash = createHash('sha256');
  private batch: Buffer[] = [];
  private batched = 0;
  private size = 0;
  private sha256: string | null = null;

  constructor(private readonly stream: Writable) {
    // An error surfaces from the next write or from `end`; unlistened, it would crash the process.
    stream.on('error', () => undefined);
  }

  async write(bytes: Buffer | string): Promise<void> {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    this.batch.push(buffer);
    this.batched += buffer.length;
    if (this.batched >= BATCH_BYTES) await this.flush();
  }

  /** Writes what is gathered, ends the stream and waits for it; returns the SHA-256 (hex) and size. */
  async end(): Promise<{ sha256: string; size: number }> {
    if (this.sha256 === null) {
      await this.flush();
      this.stream.end();
      await finished(this.stream, { readable: false });
      this.sha256 = this.hash.digest('hex');
    }
    return { sha256: this.sha256, size: this.size };
  }

  /** Stops writing, on an error path: the stream is destroyed with `error`. */
  abandon(error?: Error): void {
    this.stream.destroy(error);
  }

  private async flush(): Promise<void> {
    if (this.batched === 0) return;
    const chunk = Buffer.concat(this.batch, this.batched);
    this.batch = [];
    this.batched = 0;
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.stream.errored) throw this.stream.errored;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/**
 * A temporary file written once through a HashedWriter, then read back (after `end`). Its read
 * streams are kept so `abandon` can close them too: a queued entry's stream must not fail,
 * unlistened, once its directory is removed.
 */
export class HashedSpool extends HashedWriter {
  private readonly readers: Readable[] = [];
  private isEnded = false;

  constructor(readonly path: string) {
    super(createWriteStream(path));
  }

  override async end(): Promise<{ sha256: string; size: number }> {
    const written = await super.end();
    this.isEnded = true;
    return written;
  }

  /** The spooled bytes; only once `end` has resolved, so no reader ever sees half a file. */
  read(): Readable {
    if (!this.isEnded) throw new Error(`${this.path} is read before it is written`);
    const reader = createReadStream(this.path);
    // A read error reaches the archive through the entry once archiver takes the stream; until then, nothing may crash.
    reader.on('error', () => undefined);
    this.readers.push(reader);
    return reader;
  }

  override abandon(error?: Error): void {
    super.abandon(error);
    this.readers.forEach((reader) => reader.destroy());
  }
}
