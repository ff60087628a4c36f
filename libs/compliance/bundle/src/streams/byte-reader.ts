import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Pulls lines or exact byte counts from a stream, one chunk at a time, and hashes every byte it
 * hands out (SHA-256), so a file is read once for its content and its digest. Memory is one chunk
 * plus the line being assembled.
 */
export class ByteReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer = Buffer.alloc(0);
  private isDone = false;
  private consumed = 0;

  constructor(stream: Readable | AsyncIterable<Buffer>) {
    this.chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** Bytes handed out so far. */
  get position(): number {
    return this.consumed;
  }

  /** The next line without its '\n'; `isComplete` is false for a last line with no '\n'. Null at the end. */
  async readLine(maxLength = Number.MAX_SAFE_INTEGER): Promise<{ bytes: Buffer; isComplete: boolean } | null> {
    let searchFrom = 0;
    for (;;) {
      const newline = this.pending.indexOf(0x0a, searchFrom);
      if (newline >= 0) {
        const bytes = this.take(newline + 1);
        return { bytes: bytes.subarray(0, newline), isComplete: true };
      }
      if (this.pending.length > maxLength) throw new RangeError(`a line longer than ${maxLength} bytes`);
      searchFrom = this.pending.length;
      if (!(await this.fill())) {
        return this.pending.length === 0 ? null : { bytes: this.take(this.pending.length), isComplete: false };
      }
    }
  }

  /** Up to `length` bytes: fewer only at the end of the stream. */
  async read(length: number): Promise<Buffer> {
    while (this.pending.length < length && (await this.fill()));
    return this.take(Math.min(length, this.pending.length));
  }

  /** Whether the stream has nothing left. */
  async isAtEnd(): Promise<boolean> {
    while (this.pending.length === 0) if (!(await this.fill())) return true;
    return false;
  }

  /** Reads (and hashes) what is left; returns how many bytes that was. */
  async drain(): Promise<number> {
    let rest = this.take(this.pending.length).length;
    while (await this.fill()) rest += this.take(this.pending.length).length;
    return rest;
  }

  /** SHA-256 (hex) of every byte handed out; call once, after `drain`. */
  digest(): string {
    return this.hash.digest('hex');
  }

  private take(length: number): Buffer {
    const bytes = this.pending.subarray(0, length);
    this.pending = this.pending.subarray(length);
    this.hash.update(bytes);
    this.consumed += bytes.length;
    return bytes;
  }

  private async fill(): Promise<boolean> {
    if (this.isDone) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.isDone = true;
      return false;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    return true;
  }
}
