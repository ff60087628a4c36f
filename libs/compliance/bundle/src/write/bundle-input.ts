import type { BundleKind } from '../layout/bundle-layout';

/** What the exporter knows when it starts a bundle; `writeBundle` adds the counts, indexes and hashes. */
export interface BundleManifestInput {
  tenantId: string;
  origin: string;
  kind: BundleKind;
  /** Leaves [from, to) of an audit-log bundle. */
  range?: { from: number; to: number };
  /** How a usage (user, since, until) or inventory ({}) bundle chose its records. */
  filter?: Record<string, string>;
  generatedAt: string;
  software: { name: string; version: string };
  /** The size of a checkpoint the auditor holds: the bundle proves the new one extends it. */
  sinceSize?: number;
}

/** One leaf: its index in the tenant's log and its exact bytes (the audit record's canonical JSON). */
export interface BundleRecord {
  readonly index: number;
  readonly bytes: Buffer;
}

/** Proofs against the checkpoint's tree, as lists of hashes (a TreeReader of the checkpoint's size gives them). */
export interface BundleProofs {
  /** Range proof of [from, to) in the checkpoint's tree; needed unless the range is the whole log. */
  range?(from: number, to: number): Buffer[];
  /** Inclusion proof of one leaf; needed for a filtered bundle. */
  inclusion?(index: number): Buffer[];
  /** Consistency proof from `sinceSize` to the checkpoint's size; needed when sinceSize is given. */
  consistency?: Buffer[];
}

export interface BundleInput {
  readonly manifest: BundleManifestInput;
  /** The signed checkpoint note; its checkpoint's size and root go in the manifest. */
  readonly checkpointNote: string;
  /** The records, in index order: all of [from, to) for audit-log, increasing indexes otherwise. */
  readonly records: AsyncIterable<BundleRecord>;
  readonly proofs: BundleProofs;
}

export interface BundleWritten {
  readonly records: number;
  /** Bytes of ZIP written to the output. */
  readonly bytes: number;
}

/** A bundle that cannot be written as asked (records out of order, a secret in a record, a proof missing). */
export class BundleWriteError extends Error {
  override readonly name = 'BundleWriteError';
}
