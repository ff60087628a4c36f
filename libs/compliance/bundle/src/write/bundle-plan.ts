import { BUNDLE_FORMAT, isContiguousKind } from '../layout/bundle-layout';
import type { ManifestHead } from '../layout/manifest-render';
import type { CheckpointFields } from '../log/checkpoint-note';
import type { ConsistencyProofInput, RangeProofInput } from '../log/proof-files';
import { BundleWriteError, type BundleInput } from './bundle-input';

/** What a bundle will hold, decided and checked before anything is written. */
export interface BundlePlan {
  readonly isContiguous: boolean;
  /** The manifest but for its record count, indexes and files. */
  readonly manifest: Omit<ManifestHead, 'records'>;
  readonly checkpointSize: number;
  readonly rangeProof: RangeProofInput | null;
  readonly consistencyProof: ConsistencyProofInput | null;
  /** Throws unless `index` may be the record at `position` (0-based) after `previous`. */
  acceptIndex(index: number, position: number, previous: number): void;
  /** Throws unless `count` records complete the bundle. */
  acceptCount(count: number): void;
}

export function planBundle(input: BundleInput, checkpoint: CheckpointFields): BundlePlan {
  const { manifest, proofs } = input;
  if (manifest.origin !== checkpoint.origin) refuse(`the manifest's origin "${manifest.origin}" is not the checkpoint's "${checkpoint.origin}"`);
  const size = checkpoint.size;
  const head = {
    format: BUNDLE_FORMAT,
    tenantId: manifest.tenantId,
    origin: manifest.origin,
    kind: manifest.kind,
    ...(isContiguousKind(manifest.kind) ? { range: manifest.range } : { filter: manifest.filter ?? {} }),
    generatedAt: manifest.generatedAt,
    software: { name: manifest.software.name, version: manifest.software.version },
    checkpoint: { size, rootHash: checkpoint.rootHash.toString('base64') },
    ...(manifest.sinceSize === undefined ? {} : { sinceSize: manifest.sinceSize }),
  } as const;
  const consistencyProof = consistencyOf(input, size);
  if (!isContiguousKind(manifest.kind)) {
    if (!proofs.inclusion) refuse(`a ${manifest.kind} bundle needs proofs.inclusion`);
    return { isContiguous: false, manifest: head, checkpointSize: size, rangeProof: null, consistencyProof, ...filteredOrder(size) };
  }
  const range = manifest.range;
  if (!range || !Number.isSafeInteger(range.from) || !Number.isSafeInteger(range.to) || range.from < 0 || range.from > range.to || range.to > size) {
    refuse(`an audit-log bundle needs a range within the checkpoint's ${size} leaves`);
  }
  const rangeProof = range.from === 0 && range.to === size ? null : { ...range, size, hashes: rangeProofOf(input, range) };
  return { isContiguous: true, manifest: head, checkpointSize: size, rangeProof, consistencyProof, ...contiguousOrder(range) };
}

function rangeProofOf(input: BundleInput, range: { from: number; to: number }): Buffer[] {
  if (!input.proofs.range) refuse(`the range [${range.from}, ${range.to}) is not the whole log: it needs proofs.range`);
  return input.proofs.range(range.from, range.to);
}

function consistencyOf(input: BundleInput, size: number): ConsistencyProofInput | null {
  const since = input.manifest.sinceSize;
  if (since === undefined) return null;
  if (!Number.isSafeInteger(since) || since < 0 || since > size) refuse(`sinceSize ${since} is not within the checkpoint's ${size} leaves`);
  if (!input.proofs.consistency) refuse(`sinceSize ${since} needs proofs.consistency`);
  return { oldSize: since, newSize: size, hashes: input.proofs.consistency };
}

function contiguousOrder(range: { from: number; to: number }): Pick<BundlePlan, 'acceptIndex' | 'acceptCount'> {
  return {
    acceptIndex: (index, position) => {
      if (index !== range.from + position) refuse(`record ${position} of range [${range.from}, ${range.to}) has index ${index}, not ${range.from + position}`);
      if (index >= range.to) refuse(`record ${index} is past the range [${range.from}, ${range.to})`);
    },
    acceptCount: (count) => {
      if (count !== range.to - range.from) refuse(`the range [${range.from}, ${range.to}) has ${range.to - range.from} records; ${count} were given`);
    },
  };
}

function filteredOrder(size: number): Pick<BundlePlan, 'acceptIndex' | 'acceptCount'> {
  return {
    acceptIndex: (index, _position, previous) => {
      if (!Number.isSafeInteger(index) || index <= previous) refuse(`record ${index} comes after record ${previous}: indexes must increase`);
      if (index >= size) refuse(`record ${index} is not in the checkpoint's ${size} leaves`);
    },
    acceptCount: () => undefined,
  };
}

function refuse(reason: string): never {
  throw new BundleWriteError(reason);
}
