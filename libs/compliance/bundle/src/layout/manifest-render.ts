import type { Readable } from 'node:stream';
import type { BundleManifest } from './bundle-layout';

/** The manifest without the two parts that grow with the records. */
export type ManifestHead = Omit<BundleManifest, 'indexes' | 'files'>;

/**
 * `manifest.json` as a stream of text, so a filtered export of a million records never holds its
 * million indexes and proof hashes in memory: the head is pretty-printed JSON, `indexes` comes
 * from a spool of comma-separated numbers, and `files` is the small files' hashes followed by the
 * spooled `"name": "sha256"` lines of the inclusion proofs.
 */
export async function* manifestText(
  head: ManifestHead,
  indexes: Readable | null,
  files: Readonly<Record<string, string>>,
  spooledFiles: Readable | null,
): AsyncGenerator<Buffer> {
  const pretty = JSON.stringify(head, null, 2);
  yield Buffer.from(pretty.slice(0, pretty.lastIndexOf('\n}')), 'utf8');
  if (indexes) {
    yield Buffer.from(',\n  "indexes": [', 'utf8');
    for await (const chunk of indexes) yield chunk as Buffer;
    yield Buffer.from(']', 'utf8');
  }
  const names = Object.keys(files);
  yield Buffer.from(',\n  "files": {\n' + names.map((name) => fileLine(name, files[name])).join(',\n'), 'utf8');
  if (spooledFiles) for await (const chunk of spooledFiles) yield chunk as Buffer;
  yield Buffer.from('\n  }\n}\n', 'utf8');
}

/** One `"name": "sha256"` line of `files`. */
export function fileLine(name: string, sha256: string): string {
  return `    ${JSON.stringify(name)}: "${sha256}"`;
}
