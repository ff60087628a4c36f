import { BUNDLE_FORMAT, BUNDLE_KINDS, isContiguousKind, MANIFEST_FILE, type BundleKind, type BundleManifest } from './bundle-layout';
import { fail } from '../verify/verify-result';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const BASE64_HASH = /^[A-Za-z0-9+/]{43}=$/;

type Json = Record<string, unknown>;

/**
 * Reads `manifest.json` as the verifier must: nothing taken on trust, every field checked for its
 * type and the fields checked against each other (a range's length is the record count; a filtered
 * bundle's indexes are strictly increasing, one per record). The first problem fails the bundle.
 */
export function parseManifest(text: string): BundleManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) return problem('not a JSON object');
  if (value['format'] !== BUNDLE_FORMAT) return problem(`format ${JSON.stringify(value['format'])} is not ${BUNDLE_FORMAT}`);
  const kind = value['kind'];
  if (!BUNDLE_KINDS.includes(kind as BundleKind)) return problem(`kind ${JSON.stringify(kind)} is not one of ${BUNDLE_KINDS.join(', ')}`);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    tenantId: text_(value, 'tenantId'),
    origin: text_(value, 'origin'),
    kind: kind as BundleKind,
    ...(value['range'] === undefined ? {} : { range: rangeOf(value['range']) }),
    ...(value['filter'] === undefined ? {} : { filter: filterOf(value['filter']) }),
    generatedAt: text_(value, 'generatedAt'),
    software: { name: text_(objectAt(value, 'software'), 'software.name'), version: text_(objectAt(value, 'software'), 'software.version') },
    checkpoint: checkpointOf(objectAt(value, 'checkpoint')),
    ...(value['sinceSize'] === undefined ? {} : { sinceSize: count(value['sinceSize'], 'sinceSize') }),
    records: count(value['records'], 'records'),
    ...(value['indexes'] === undefined ? {} : { indexes: indexesOf(value['indexes']) }),
    files: filesOf(value['files']),
  };
  checkShape(manifest);
  return manifest;
}

function checkShape(manifest: BundleManifest): void {
  const { range, indexes, records, checkpoint } = manifest;
  if (isContiguousKind(manifest.kind)) {
    if (!range) problem(`a ${manifest.kind} bundle names its range`);
    if (range.to > checkpoint.size) problem(`range [${range.from}, ${range.to}) goes past the checkpoint's ${checkpoint.size} leaves`);
    if (range.to - range.from !== records) problem(`range [${range.from}, ${range.to}) holds ${range.to - range.from} records, "records" says ${records}`);
    if (indexes) checkRangeIndexes(range, indexes);
  } else {
    if (range) problem(`a ${manifest.kind} bundle is filtered: it has indexes, not a range`);
    if (!manifest.filter) problem(`a ${manifest.kind} bundle names its filter`);
    if (!indexes) problem(`a ${manifest.kind} bundle lists the leaf index of every record`);
    if (indexes.length !== records) problem(`"indexes" lists ${indexes.length} leaves, "records" says ${records}`);
    checkIncreasing(indexes, checkpoint.size);
  }
  if (manifest.sinceSize !== undefined && manifest.sinceSize > checkpoint.size) {
    problem(`sinceSize ${manifest.sinceSize} is bigger than the checkpoint's size ${checkpoint.size}`);
  }
}

/** Listed anyway for a range, the indexes must be exactly its leaves: no duplicate, no gap. */
function checkRangeIndexes(range: { from: number; to: number }, indexes: readonly number[]): void {
  indexes.forEach((index, position) => {
    const expected = range.from + position;
    if (index === expected) return;
    const why = position > 0 && index === indexes[position - 1] ? 'a duplicate' : index > expected ? `a gap: leaf ${expected} is missing` : 'out of order';
    fail({ index, file: MANIFEST_FILE, reason: `is listed in manifest.json at position ${position} of range [${range.from}, ${range.to}): ${why}` });
  });
  if (indexes.length !== range.to - range.from) problem(`"indexes" lists ${indexes.length} leaves for range [${range.from}, ${range.to})`);
}

function checkIncreasing(indexes: readonly number[], size: number): void {
  indexes.forEach((index, position) => {
    const previous = position > 0 ? indexes[position - 1] : -1;
    if (index <= previous) {
      const why = index === previous ? 'twice' : `after leaf ${previous}`;
      fail({ index, file: MANIFEST_FILE, reason: `is listed in manifest.json ${why}: indexes must be strictly increasing (a duplicated or reordered record)` });
    }
    if (index >= size) fail({ index, file: MANIFEST_FILE, reason: `is listed in manifest.json but is not in the checkpoint's ${size} leaves` });
  });
}

function rangeOf(value: unknown): { from: number; to: number } {
  if (!isObject(value)) return problem('"range" is not an object');
  const from = count(value['from'], 'range.from');
  const to = count(value['to'], 'range.to');
  if (from > to) problem(`range [${from}, ${to}) ends before it starts`);
  return { from, to };
}

function filterOf(value: unknown): Record<string, string> {
  if (!isObject(value) || Object.values(value).some((inner) => typeof inner !== 'string')) return problem('"filter" is not an object of strings');
  return value as Record<string, string>;
}

function checkpointOf(value: Json): { size: number; rootHash: string } {
  const rootHash = text_(value, 'checkpoint.rootHash');
  if (!BASE64_HASH.test(rootHash)) problem('checkpoint.rootHash is not a base64 SHA-256 hash');
  return { size: count(value['size'], 'checkpoint.size'), rootHash };
}

function indexesOf(value: unknown): number[] {
  if (!Array.isArray(value)) return problem('"indexes" is not an array');
  return value.map((index, position) => count(index, `indexes[${position}]`));
}

function filesOf(value: unknown): Record<string, string> {
  if (!isObject(value)) return problem('"files" is not an object');
  for (const [name, digest] of Object.entries(value)) {
    if (typeof digest !== 'string' || !SHA256_HEX.test(digest)) problem(`files[${JSON.stringify(name)}] is not a SHA-256 in hex`);
  }
  return value as Record<string, string>;
}

function count(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return problem(`${name} is not a whole number`);
  return value;
}

function text_(value: Json, name: string): string {
  const inner = value[name.split('.').pop() as string];
  if (typeof inner !== 'string' || inner === '') return problem(`${name} is missing or not a string`);
  return inner;
}

function objectAt(value: Json, name: string): Json {
  const inner = value[name];
  return isObject(inner) ? inner : problem(`"${name}" is missing or not an object`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(reason: string): never {
  return fail({ file: MANIFEST_FILE, reason });
}
