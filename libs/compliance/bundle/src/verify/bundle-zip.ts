import { open as openFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ByteReader } from '../streams/byte-reader';
import { BundleFailure, BundleInputError, fail } from './verify-result';

/** Local file header, or the end of an empty archive: how every ZIP starts. */
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/**
 * A bundle's ZIP, read with yauzl from its central directory: entries are opened one at a time,
 * in any order, and streamed, never read whole (but for the small ones, with a limit).
 */
export class BundleZip {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  /**
   * Opens a bundle. A missing or unreadable path, or a file that is not a ZIP at all, is a
   * BundleInputError (the question was wrong); a ZIP that is damaged or truncated, or that names a
   * file twice, fails the bundle.
   */
  static async open(path: string): Promise<BundleZip> {
    await assertZipFile(path);
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true });
    } catch (error) {
      return fail({ file: basename(path), reason: `is not a complete ZIP (truncated or damaged): ${(error as Error).message}` });
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        if (entries.has(entry.fileName)) fail({ file: entry.fileName, reason: 'is in the ZIP twice' });
        entries.set(entry.fileName, entry);
      }
    } catch (error) {
      zip.close();
      if (error instanceof BundleFailure) throw error;
      return fail({ file: basename(path), reason: `has a damaged ZIP directory: ${(error as Error).message}` });
    }
    return new BundleZip(zip, entries);
  }

  /** Every file's name, in the ZIP's order. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A file's bytes, which must be at most `limit` bytes: for the manifest, the checkpoint and proofs. */
  async read(name: string, limit: number): Promise<Buffer> {
    const entry = this.entry(name);
    if (entry.uncompressedSize > limit) fail({ file: name, reason: `is ${entry.uncompressedSize} bytes, more than the ${limit} it can be` });
    const reader = await this.reader(name);
    return reader.read(limit);
  }

  /** A reader over a file's bytes that hashes them as it goes; a damaged entry fails the bundle. */
  async reader(name: string): Promise<ByteReader> {
    const entry = this.entry(name);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      return fail({ file: name, reason: `cannot be read from the ZIP: ${(error as Error).message}` });
    }
    // yauzl may emit an error (a damaged entry) before the stream is first read, or after the verifier
    // stopped reading it, and without destroying it: unlistened, that crashes; undestroyed, a later
    // read would wait for ever. Destroyed with its error, any later read fails as it should.
    stream.on('error', (error) => stream.destroy(error));
    return new ByteReader(failingAs(name, stream));
  }

  close(): void {
    this.zip.close();
  }

  private entry(name: string): Entry {
    return this.entries.get(name) ?? fail({ file: name, reason: 'is missing from the bundle' });
  }
}

/** The stream's chunks; its failure, whenever it came, fails the bundle naming the file. */
async function* failingAs(name: string, stream: Readable): AsyncGenerator<Buffer> {
  const damaged = (error: unknown): never => fail({ file: name, reason: `cannot be read from the ZIP (damaged): ${(error as Error).message}` });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    damaged(error);
  }
  if (stream.errored) damaged(stream.errored);
}

async function assertZipFile(path: string): Promise<void> {
  let magic: Buffer;
  try {
    const file = await openFile(path, 'r');
    try {
      if (!(await file.stat()).isFile()) throw new BundleInputError(`${path} is not a file`);
      magic = Buffer.alloc(4);
      await file.read(magic, 0, 4, 0);
    } finally {
      await file.close();
    }
  } catch (error) {
    if (error instanceof BundleInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BundleInputError(code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path}: ${(error as Error).message}`);
  }
  if (!ZIP_MAGIC.some((expected) => expected.equals(magic))) throw new BundleInputError(`${path} is not a ZIP file`);
}
