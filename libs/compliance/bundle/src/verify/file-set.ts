import {
  CHECKPOINT_FILE,
  CONSISTENCY_PROOF_FILE,
  CSV_FILE,
  indexOfInclusionProofFile,
  isContiguousKind,
  MANIFEST_FILE,
  OCSF_FILE,
  RANGE_PROOF_FILE,
  RECORDS_FILE,
  type BundleManifest,
} from '../layout/bundle-layout';
import { fail } from './verify-result';

/** Whether a contiguous bundle needs a range proof: not when it is the whole log. */
export function hasRangeProof(manifest: BundleManifest): boolean {
  const { range, checkpoint } = manifest;
  return range !== undefined && !(range.from === 0 && range.to === checkpoint.size);
}

/**
 * The files the manifest lists are exactly the files in the ZIP (but the manifest itself), and
 * exactly the files a bundle of its kind has: no file missing, none extra.
 */
export function checkFileSet(names: readonly string[], manifest: BundleManifest): void {
  const listed = manifest.files;
  const inZip = new Set(names);
  for (const name of fixedFiles(manifest)) {
    if (!inZip.has(name)) fail({ file: name, reason: 'is missing from the bundle' });
    if (!(name in listed)) fail({ file: name, reason: 'is not listed in manifest.json' });
  }
  for (const name of Object.keys(listed)) {
    if (!inZip.has(name)) {
      const index = indexOfInclusionProofFile(name);
      fail(index === null
        ? { file: name, reason: 'is listed in manifest.json but missing from the bundle' }
        : { index, file: name, reason: `its inclusion proof, ${name}, is listed in manifest.json but missing from the bundle` });
    }
  }
  for (const name of names) {
    if (name !== MANIFEST_FILE && !(name in listed)) fail({ file: name, reason: 'is in the bundle but not listed in manifest.json' });
  }
  const fixed = new Set(fixedFiles(manifest));
  let proofs = 0;
  for (const name of Object.keys(listed)) {
    if (fixed.has(name)) continue;
    const index = isContiguousKind(manifest.kind) ? null : indexOfInclusionProofFile(name);
    if (index === null || !isListedIndex(manifest.indexes ?? [], index)) {
      fail({ file: name, reason: `does not belong in a ${manifest.kind} bundle of these records` });
    }
    proofs++;
  }
  if (!isContiguousKind(manifest.kind) && proofs !== manifest.records) {
    fail({ file: MANIFEST_FILE, reason: `lists ${proofs} inclusion proofs for ${manifest.records} records` });
  }
}

/** The files every bundle of this manifest's shape has, but the per-record proofs. */
export function fixedFiles(manifest: BundleManifest): string[] {
  return [
    CHECKPOINT_FILE,
    RECORDS_FILE,
    CSV_FILE,
    OCSF_FILE,
    ...(hasRangeProof(manifest) ? [RANGE_PROOF_FILE] : []),
    ...(manifest.sinceSize === undefined ? [] : [CONSISTENCY_PROOF_FILE]),
  ];
}

/** Binary search: the indexes are strictly increasing (parseManifest checked). */
function isListedIndex(indexes: readonly number[], index: number): boolean {
  let lo = 0;
  let hi = indexes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (indexes[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  return indexes[lo] === index;
}
