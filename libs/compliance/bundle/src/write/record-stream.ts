import { PassThrough } from 'node:stream';
import { RECORDS_FILE } from '../layout/bundle-layout';
import { csvHeader, csvLine, ocsfLineOf } from '../records/derived-lines';
import { recordOfLeaf } from '../records/record-of-leaf';
import { HashedWriter } from '../streams/hashed-writer';
import type { ArchiveEntries } from './archive-entries';
import { BundleWriteError, type BundleRecord } from './bundle-input';
import type { BundlePlan } from './bundle-plan';
import type { BundleSpools } from './bundle-spools';

const NEWLINE = Buffer.from('\n');

/**
 * The one pass over the records: each leaf's bytes and a newline go straight into `records.ndjson`
 * in the archive (64 KiB at a time, waiting whenever the archive is behind), while its CSV and
 * OCSF lines and its index go to the spools. Returns how many records there were. A record that is not a clean audit record of the tenant stops the
 * export: nothing secret or foreign leaves the server because a log was damaged.
 */
export async function streamRecords(
  entries: ArchiveEntries,
  records: AsyncIterable<BundleRecord>,
  plan: BundlePlan,
  spools: BundleSpools,
): Promise<number> {
  const stream = new PassThrough();
  const ndjson = new HashedWriter(stream);
  const { csv, ocsf, indexes } = spools;
  // A wait for the archive to drain must end when the archive fails (the client went away).
  entries.broken.catch((error: Error) => ndjson.abandon(error));
  await entries.append(RECORDS_FILE, stream);
  try {
    await csv.write(csvHeader());
    let count = 0;
    let previous = -1;
    for await (const { index, bytes } of records) {
      plan.acceptIndex(index, count, previous);
      const record = recordOfLeaf(bytes, plan.manifest.tenantId, (why) => refuse(index, why));
      await ndjson.write(bytes);
      await ndjson.write(NEWLINE);
      await csv.write(csvLine(record));
      await ocsf.write(ocsfLineOf(record, plan.manifest.software.version));
      if (!plan.isContiguous) await indexes.write(count === 0 ? `${index}` : `,${index}`);
      previous = index;
      count++;
    }
    plan.acceptCount(count);
    entries.setHash(RECORDS_FILE, (await ndjson.end()).sha256);
    return count;
  } catch (error) {
    ndjson.abandon();
    throw error;
  }
}

function refuse(index: number, why: string): never {
  throw new BundleWriteError(`record ${index} ${why}: nothing is exported`);
}
