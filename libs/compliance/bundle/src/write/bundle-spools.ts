import { join } from 'node:path';
import { HashedSpool } from '../streams/hashed-writer';

/**
 * The temporary files of one bundle being written, in its own directory: the CSV and OCSF lines,
 * the leaf indexes (comma-separated) and the inclusion proofs' manifest lines. `abandon` closes
 * every one of them, readers included, before the directory is removed.
 */
export class BundleSpools {
  readonly csv: HashedSpool;
  readonly ocsf: HashedSpool;
  readonly indexes: HashedSpool;
  readonly proofLines: HashedSpool;

  constructor(work: string) {
    this.csv = new HashedSpool(join(work, 'records.csv'));
    this.ocsf = new HashedSpool(join(work, 'records.ocsf.ndjson'));
    this.indexes = new HashedSpool(join(work, 'indexes'));
    this.proofLines = new HashedSpool(join(work, 'proof-lines'));
  }

  abandon(): void {
    [this.csv, this.ocsf, this.indexes, this.proofLines].forEach((spool) => spool.abandon());
  }
}
