import { createWriteStream } from 'node:fs';
import type { BundleKind } from '../layout/bundle-layout';
import type { BundleRecord, BundleWritten } from '../write/bundle-input';
import { writeBundle } from '../write/write-bundle';
import { TEST_TENANT } from './fabricated-history';
import type { TestLog } from './test-log';

export interface TestExport {
  readonly kind?: BundleKind;
  /** Leaves [from, to) of an audit-log bundle; the whole checkpoint by default. */
  readonly from?: number;
  readonly to?: number;
  /** The leaves of a usage or inventory bundle. */
  readonly indexes?: readonly number[];
  /** The checkpoint's size; the log's by default. */
  readonly size?: number;
  readonly sinceSize?: number;
  readonly tenantId?: string;
}

/** Exports a bundle of a test log to `path` with writeBundle, as the HTTP controller would. */
export async function exportBundle(log: TestLog, path: string, options: TestExport = {}): Promise<BundleWritten> {
  const kind = options.kind ?? 'audit-log';
  const size = options.size ?? log.size;
  const reader = log.reader(size);
  const from = options.from ?? 0;
  const to = options.to ?? size;
  const indexes = kind === 'audit-log' ? range(from, to) : (options.indexes ?? []);
  return writeBundle(
    {
      manifest: {
        tenantId: options.tenantId ?? TEST_TENANT,
        origin: log.origin,
        kind,
        ...(kind === 'audit-log' ? { range: { from, to } } : { filter: kind === 'usage' ? { user: 'user0@contoso.example', since: '2026-03-01T00:00:00Z', until: '2026-04-01T00:00:00Z' } : {} }),
        generatedAt: '2026-03-02T09:30:00.000Z',
        software: { name: 'keyward', version: '0.1.0' },
        ...(options.sinceSize === undefined ? {} : { sinceSize: options.sinceSize }),
      },
      checkpointNote: log.checkpointNote(size),
      records: recordsOf(log, indexes),
      proofs: {
        range: (first, end) => reader.rangeProof(first, end, size),
        inclusion: (index) => reader.inclusionProof(index, size),
        ...(options.sinceSize === undefined ? {} : { consistency: reader.consistencyProof(options.sinceSize, size) }),
      },
    },
    createWriteStream(path),
  );
}

async function* recordsOf(log: TestLog, indexes: readonly number[]): AsyncGenerator<BundleRecord> {
  for (const index of indexes) yield { index, bytes: log.leaves[index] };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
