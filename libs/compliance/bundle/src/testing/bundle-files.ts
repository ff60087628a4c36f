import archiver from 'archiver';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { AuditRecord } from '@keyward/compliance/domain';
import { parseCheckpoint } from '@keyward/shared/transparency';
import { CHECKPOINT_FILE, CSV_FILE, MANIFEST_FILE, OCSF_FILE, RECORDS_FILE } from '../layout/bundle-layout';
import { csvHeader, csvLine, ocsfLineOf } from '../records/derived-lines';

/** A bundle's files by name, in the ZIP's order: what a tamper test edits. Tests only: it is all in memory. */
export type BundleFiles = Map<string, Buffer>;

export async function readBundleFiles(path: string): Promise<BundleFiles> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const files: BundleFiles = new Map();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      files.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return files;
}

/** Writes files as a ZIP, in their order; with `isManifestRehashed`, the manifest's hashes are first made to fit. */
export async function writeBundleFiles(path: string, files: BundleFiles, isManifestRehashed = false, isZip64 = false): Promise<string> {
  const archive = archiver('zip', { forceZip64: isZip64 });
  const written = pipeline(archive, createWriteStream(path));
  const entries = isManifestRehashed ? rehashed(files) : files;
  for (const [name, bytes] of entries) archive.append(bytes, { name, date: new Date('2026-03-01T00:00:00Z') });
  await archive.finalize();
  await written;
  return path;
}

export function manifestOf(files: BundleFiles): Record<string, unknown> & { files: Record<string, string> } {
  return JSON.parse(files.get(MANIFEST_FILE)?.toString('utf8') ?? '{}');
}

export function withManifest(files: BundleFiles, edit: (manifest: ReturnType<typeof manifestOf>) => void): BundleFiles {
  const manifest = manifestOf(files);
  edit(manifest);
  return new Map(files).set(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
}

/** The manifest with the SHA-256 of every other file as it now is: an edit that "covers its tracks". */
export function rehashed(files: BundleFiles): BundleFiles {
  return withManifest(files, (manifest) => {
    manifest.files = Object.fromEntries([...files].filter(([name]) => name !== MANIFEST_FILE).map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
  });
}

/** The leaves of records.ndjson, without their newlines. */
export function recordLines(files: BundleFiles): Buffer[] {
  const text = files.get(RECORDS_FILE) ?? Buffer.alloc(0);
  const lines: Buffer[] = [];
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf(0x0a, start);
    lines.push(text.subarray(start, end < 0 ? text.length : end));
    start = end < 0 ? text.length : end + 1;
  }
  return lines;
}

export function withRecordLines(files: BundleFiles, lines: readonly Buffer[]): BundleFiles {
  return new Map(files).set(RECORDS_FILE, Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])));
}

/** records.csv and records.ocsf.ndjson rebuilt from records.ndjson as it now is. */
export function withDerivedRebuilt(files: BundleFiles): BundleFiles {
  const manifest = manifestOf(files) as unknown as { software: { version: string } };
  const records = recordLines(files).map((line) => JSON.parse(line.toString('utf8')) as AuditRecord);
  return new Map(files)
    .set(CSV_FILE, Buffer.from(csvHeader() + records.map(csvLine).join(''), 'utf8'))
    .set(OCSF_FILE, Buffer.from(records.map((record) => ocsfLineOf(record, manifest.software.version)).join(''), 'utf8'));
}

/**
 * A bundle made over: these leaves as its records, its derived files rebuilt, `checkpointNote`
 * (of a log holding those leaves, signed) as its checkpoint, and every hash recomputed. What an
 * insider with the signing key, or a server bug, could produce: only checks that look at what the
 * records say can catch it.
 */
export function forged(files: BundleFiles, leaves: readonly Buffer[], checkpointNote: string): BundleFiles {
  const note = checkpointNote.slice(0, checkpointNote.lastIndexOf('\n\n') + 1);
  const { size, rootHash } = parseCheckpoint(note);
  const replaced = withDerivedRebuilt(withRecordLines(files, leaves)).set(CHECKPOINT_FILE, Buffer.from(checkpointNote, 'utf8'));
  return rehashed(
    withManifest(replaced, (manifest) => {
      manifest['checkpoint'] = { size, rootHash: rootHash.toString('base64') };
      manifest['records'] = leaves.length;
    }),
  );
}
