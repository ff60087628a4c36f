/** The files of a bundle (DESIGN §7). Every one but the manifest is hashed in the manifest. */
export const BUNDLE_FORMAT = 'keyward-bundle/1';
export const MANIFEST_FILE = 'manifest.json';
export const CHECKPOINT_FILE = 'checkpoint.txt';
export const RECORDS_FILE = 'records.ndjson';
export const CSV_FILE = 'records.csv';
export const OCSF_FILE = 'records.ocsf.ndjson';
export const RANGE_PROOF_FILE = 'proofs/range.txt';
export const CONSISTENCY_PROOF_FILE = 'proofs/consistency.txt';

const INCLUSION_PROOF = /^proofs\/(0|[1-9][0-9]*)\.tlog-proof$/;

/** `proofs/<index>.tlog-proof`: the inclusion proof of one record of a filtered export. */
export function inclusionProofFile(index: number): string {
  return `proofs/${index}.tlog-proof`;
}

/** The leaf index an inclusion proof file is named for, or null when the name is not one. */
export function indexOfInclusionProofFile(name: string): number | null {
  const match = INCLUSION_PROOF.exec(name);
  return match ? Number(match[1]) : null;
}

export type BundleKind = 'audit-log' | 'usage' | 'inventory' | 'access-review';
export const BUNDLE_KINDS: readonly BundleKind[] = ['audit-log', 'usage', 'inventory', 'access-review'];

/**
 * What the exporter says about a bundle. An audit-log bundle is contiguous: `range` names its
 * leaves and `indexes` is left out (it would only repeat the range, a million numbers for a
 * million records). A usage or inventory bundle is filtered: `filter` says how it was chosen and
 * `indexes` gives the leaf index of every record, in order.
 */
export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly tenantId: string;
  readonly origin: string;
  readonly kind: BundleKind;
  readonly range?: { readonly from: number; readonly to: number };
  readonly filter?: Readonly<Record<string, string>>;
  readonly generatedAt: string;
  readonly software: { readonly name: string; readonly version: string };
  readonly checkpoint: { readonly size: number; readonly rootHash: string };
  readonly sinceSize?: number;
  readonly records: number;
  readonly indexes?: readonly number[];
  readonly files: Readonly<Record<string, string>>;
}

/** Whether a bundle of this kind holds a contiguous range of leaves (else: a filtered set). */
export function isContiguousKind(kind: BundleKind): boolean {
  return kind === 'audit-log';
}
