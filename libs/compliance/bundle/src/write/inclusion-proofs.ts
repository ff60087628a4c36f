import { inclusionProofFile } from '../layout/bundle-layout';
import { fileLine } from '../layout/manifest-render';
import { tlogProofFile } from '../log/proof-files';
import { sha256Hex } from '../streams/sha256';
import type { ArchiveEntries } from './archive-entries';
import type { BundleInput } from './bundle-input';
import type { BundleSpools } from './bundle-spools';

/**
 * A filtered bundle's `proofs/<index>.tlog-proof` files, one per record, from the spooled indexes
 * read back after the records pass (no proof is written twice). Their hashes go to a spool of
 * manifest lines rather than into memory.
 */
export async function appendInclusionProofs(entries: ArchiveEntries, spools: BundleSpools, input: BundleInput): Promise<void> {
  await spools.indexes.end();
  for await (const index of indexesIn(spools.indexes)) {
    const bytes = tlogProofFile(index, input.proofs.inclusion?.(index) ?? [], input.checkpointNote);
    // Listed through the spool, not entries.hashes: a million of them would not fit in memory.
    await entries.appendStored(inclusionProofFile(index), bytes);
    await spools.proofLines.write(',\n' + fileLine(inclusionProofFile(index), sha256Hex(bytes)));
  }
  await spools.proofLines.end();
}

/** The numbers of a comma-separated spool, read a chunk at a time. */
async function* indexesIn(spool: BundleSpools['indexes']): AsyncGenerator<number> {
  let partial = '';
  for await (const chunk of spool.read()) {
    const parts = (partial + (chunk as Buffer).toString('latin1')).split(',');
    partial = parts.pop() ?? '';
    for (const part of parts) yield Number(part);
  }
  if (partial !== '') yield Number(partial);
}
