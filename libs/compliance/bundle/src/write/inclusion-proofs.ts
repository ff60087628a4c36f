import { join } from 'node:path';
import { inclusionProofFile } from '../layout/bundle-layout';
import { fileLine } from '../layout/manifest-render';
import { tlogProofFile } from '../log/proof-files';
import { HashedSpool } from '../streams/hashed-spool';
import { sha256Hex } from '../streams/sha256';
import type { ArchiveEntries } from './archive-entries';
import type { BundleInput } from './bundle-input';

/**
 * A filtered bundle's `proofs/<index>.tlog-proof` files, one per record, read back from the
 * spooled indexes after the records pass (so no proof is written twice). Their hashes go to a
 * spool of manifest lines rather than into memory. Returns that spool, closed.
 */
export async function appendInclusionProofs(
  entries: ArchiveEntries,
  indexes: HashedSpool,
  input: BundleInput,
  work: string,
): Promise<HashedSpool> {
  const lines = new HashedSpool(join(work, 'proof-hashes'));
  try {
    for await (const index of indexesIn(indexes)) {
      const bytes = tlogProofFile(index, input.proofs.inclusion?.(index) ?? [], input.checkpointNote);
      const sha256 = sha256Hex(bytes);
      // Listed through the spool, not entries.hashes: a million of them would not fit in memory.
      await entries.append(inclusionProofFile(index), bytes);
      await lines.write(',\n' + fileLine(inclusionProofFile(index), sha256));
    }
    await lines.close();
    return lines;
  } catch (error) {
    lines.abandon();
    throw error;
  }
}

/** The numbers of a comma-separated spool, read a chunk at a time. */
async function* indexesIn(spool: HashedSpool): AsyncGenerator<number> {
  let partial = '';
  for await (const chunk of spool.read()) {
    const parts = (partial + (chunk as Buffer).toString('latin1')).split(',');
    partial = parts.pop() ?? '';
    for (const part of parts) yield Number(part);
  }
  if (partial !== '') yield Number(partial);
}
