/**
 * Lines written straight into one growing Buffer of its own memory (not Node's shared pool, so a
 * worker can transfer it). Encoding each line into place costs next to nothing; joining hundreds
 * of lines into one string and encoding that cost as much as making the lines.
 */
export class LineBuffer {
  private buffer: Buffer;
  private length = 0;

  /** `spare`: memory of an earlier slice, written over when it holds `initialBytes` (an export's buffers go round rather than pile up). */
  constructor(initialBytes: number, spare?: ArrayBuffer) {
    this.buffer = spare && spare.byteLength >= initialBytes ? Buffer.from(spare) : Buffer.allocUnsafeSlow(Math.max(initialBytes, 64));
  }

  /** Appends `text` (UTF-8) and a line feed. */
  line(text: string): void {
    // At most 3 bytes per UTF-16 unit, and the line feed.
    this.reserve(text.length * 3 + 1);
    this.length += this.buffer.write(text, this.length, 'utf8');
    this.buffer[this.length++] = 0x0a;
  }

  /** What was written: a view of the buffer. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
