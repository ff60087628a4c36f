import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CSV_FILE, OCSF_FILE, RECORDS_FILE } from '../layout/bundle-layout';
import { csvHeader, csvLine, ocsfLineOf } from '../records/derived-lines';
import { recordOfLeaf } from '../records/record-of-leaf';
import { HashedSpool } from '../streams/hashed-spool';
import type { ArchiveEntries } from './archive-entries';
import { BundleWriteError, type BundleRecord } from './bundle-input';
import type { BundlePlan } from './bundle-plan';

const NEWLINE = Buffer.from('\n');

export interface SpooledRecords {
  readonly records: number;
  readonly csv: HashedSpool;
  readonly ocsf: HashedSpool;
  /** The leaf indexes, comma-separated (a filtered bundle's manifest lists them). Closed. */
  readonly indexes: HashedSpool;
}

/**
 * The one pass over the records: each leaf's bytes and a newline go straight into `records.ndjson`
 * in the archive (waiting whenever the archive is behind), while its CSV and OCSF lines and its
 * index go to spools in `work`. A record that is not a clean audit record of the tenant stops the
 * export: nothing secret or foreign leaves the server because a log was damaged.
 */
export async function streamRecords(
  entries: ArchiveEntries,
  records: AsyncIterable<BundleRecord>,
  plan: BundlePlan,
  work: string,
): Promise<SpooledRecords> {
  const ndjson = new PassThrough();
  const hash = createHash('sha256');
  const csv = new HashedSpool(join(work, CSV_FILE));
  const ocsf = new HashedSpool(join(work, OCSF_FILE));
  const indexes = new HashedSpool(join(work, 'indexes'));
  await entries.append(RECORDS_FILE, ndjson);
  try {
    await csv.write(csvHeader());
    let count = 0;
    let previous = -1;
    for await (const { index, bytes } of records) {
      plan.acceptIndex(index, count, previous);
      const record = recordOfLeaf(bytes, plan.manifest.tenantId, (why) => refuse(index, why));
      const line = Buffer.concat([bytes, NEWLINE]);
      hash.update(line);
      if (!ndjson.write(line)) await Promise.race([once(ndjson, 'drain'), entries.broken]);
      await csv.write(csvLine(record));
      await ocsf.write(ocsfLineOf(record, plan.manifest.software.version));
      if (!plan.isContiguous) await indexes.write(count === 0 ? `${index}` : `,${index}`);
      previous = index;
      count++;
    }
    plan.acceptCount(count);
    ndjson.end();
    entries.setHash(RECORDS_FILE, hash.digest('hex'));
    await indexes.close();
    return { records: count, csv, ocsf, indexes };
  } catch (error) {
    ndjson.destroy();
    [csv, ocsf, indexes].forEach((spool) => spool.abandon());
    throw error;
  }
}

function refuse(index: number, why: string): never {
  throw new BundleWriteError(`record ${index} ${why}: nothing is exported`);
}
