import { leafHash } from '@keyward/shared/transparency';
import { CSV_FILE, OCSF_FILE, RECORDS_FILE, type BundleManifest } from '../layout/bundle-layout';
import { csvHeader, csvLine, ocsfLineOf } from '../records/derived-lines';
import { recordOfLeaf } from '../records/record-of-leaf';
import type { ByteReader } from '../streams/byte-reader';
import type { BundleZip } from './bundle-zip';
import { DerivedFileCheck } from './derived-file-check';
import type { FileHashes } from './file-hashes';
import type { LeafProof } from './leaf-proof';
import { fail } from './verify-result';

/** A record is one canonical JSON object; far bigger than any event, this bounds the line buffer. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * The one pass over `records.ndjson`, with `records.csv` and `records.ocsf.ndjson` read alongside:
 * every line is checked on its own (no secret, canonical JSON, an audit record of the tenant), its
 * leaf hash goes to `proof` (which rebuilds the root, or checks an inclusion proof), and its CSV
 * and OCSF lines are rebuilt and compared. Returns how many records there were.
 */
export async function verifyRecords(zip: BundleZip, manifest: BundleManifest, proof: LeafProof, hashes: FileHashes): Promise<number> {
  const records = await zip.reader(RECORDS_FILE);
  const csv = new DerivedFileCheck(CSV_FILE, await zip.reader(CSV_FILE));
  const ocsf = new DerivedFileCheck(OCSF_FILE, await zip.reader(OCSF_FILE));
  await csv.expectHeader(csvHeader());
  let position = 0;
  let previous: Buffer | null = null;
  for (;;) {
    const index = proof.indexAt(position);
    const line = await readRecordLine(records, index);
    if (line === null) break;
    if (index === null) proof.extraLine(position);
    if (!line.isComplete) fail({ ...at(index), file: RECORDS_FILE, reason: 'is cut short: the last line has no newline (a truncated records.ndjson)' });
    const record = recordOfLeaf(line.bytes, manifest.tenantId, (why) => fail({ ...at(index), reason: why }), true);
    const hash = leafHash(line.bytes);
    if (previous?.equals(hash)) fail({ ...at(index), reason: 'is a duplicate of the record before it' });
    await proof.accept(position, hash);
    await csv.expectLine(csvLine(record), position);
    await ocsf.expectLine(ocsfLineOf(record, manifest.software.version), position);
    previous = hash;
    position++;
  }
  await records.drain();
  hashes.note(RECORDS_FILE, records.digest());
  await csv.finish(position, hashes);
  await ocsf.finish(position, hashes);
  proof.finish(position, [csv, ocsf]);
  return position;
}

async function readRecordLine(records: ByteReader, index: number | null): Promise<{ bytes: Buffer; isComplete: boolean } | null> {
  try {
    return await records.readLine(MAX_RECORD_BYTES);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error; // a damaged ZIP entry fails as itself
    return fail({ ...at(index), file: RECORDS_FILE, reason: `has a line longer than ${MAX_RECORD_BYTES} bytes: not an audit record` });
  }
}

function at(index: number | null): { index?: number } {
  return index === null ? {} : { index };
}
