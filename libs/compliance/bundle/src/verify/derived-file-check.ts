import type { ByteReader } from '../streams/byte-reader';
import type { FileHashes } from './file-hashes';

/** Where a derived file first differs from its rebuild: its header, a record's line (by position), or extra lines after the last. */
export type Difference = { readonly at: 'header' } | { readonly at: 'record'; readonly position: number } | { readonly at: 'end'; readonly position: number };

/**
 * Compares a derived file (records.csv, records.ocsf.ndjson) byte for byte with what the verifier
 * rebuilds from the records, as the records are read: each expected line is matched against the
 * same number of bytes of the file (so a CSV cell with a line break in it is no problem). Notes the
 * first difference and stops comparing there; whether that difference is the derived file's fault
 * or the record's is decided once the records are proven.
 */
export class DerivedFileCheck {
  private difference: Difference | null = null;

  constructor(
    readonly name: string,
    private readonly reader: ByteReader,
  ) {}

  get firstDifference(): Difference | null {
    return this.difference;
  }

  async expectHeader(header: string): Promise<void> {
    if (!(await this.matches(header))) this.difference = { at: 'header' };
  }

  async expectLine(line: string, position: number): Promise<void> {
    if (this.difference === null && !(await this.matches(line))) this.difference = { at: 'record', position };
  }

  /** After the last record: the file must end here. Reads the rest for its hash. */
  async finish(records: number, hashes: FileHashes): Promise<void> {
    if (this.difference === null && !(await this.reader.isAtEnd())) this.difference = { at: 'end', position: records };
    await this.reader.drain();
    hashes.note(this.name, this.reader.digest());
  }

  private async matches(expected: string): Promise<boolean> {
    const bytes = Buffer.from(expected, 'utf8');
    return (await this.reader.read(bytes.length)).equals(bytes);
  }
}
