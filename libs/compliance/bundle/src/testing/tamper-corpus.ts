import canonicalize from 'canonicalize';
import { writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { composeAppPassword } from '@keyward/app-passwords/domain';
import type { AuditRecord } from '@keyward/compliance/domain';
import { CHECKPOINT_FILE, CSV_FILE, OCSF_FILE, RANGE_PROOF_FILE, RECORDS_FILE } from '../layout/bundle-layout';
import {
  forged,
  readBundleFiles,
  recordLines,
  rehashed,
  withManifest,
  withRecordLines,
  writeBundleFiles,
  type BundleFiles,
} from './bundle-files';
import { exportBundle } from './export-bundle';
import { ARGON2_HASH, fabricateHistory, leavesOf } from './fabricated-history';
import { TestLog, testKey, type TestKey } from './test-log';

export const ORIGIN = 'keyward.test/contoso';
export const LOG_SIZE = 40;

/** A bundle, what to verify it with, and the failure expected (none for a good one). */
export interface CorpusCase {
  readonly name: string;
  readonly bundle: string;
  readonly keys: readonly string[];
  /** An older checkpoint note the auditor holds, and the file it is saved in (for the CLI). */
  readonly since?: { readonly note: string; readonly file: string };
  readonly expected: { readonly records: number } | { readonly index?: number; readonly file?: string; readonly reason: RegExp };
}

/**
 * Good bundles and tampered ones, written as real ZIP files under `dir`. The log holds 40 records
 * of a fabricated history; the good bundles are the whole log, leaves [10, 30) (a range proof,
 * and a consistency proof from size 8), and a usage export of 7 records (inclusion proofs).
 * Each tampered bundle changes one thing, and says which record and reason must be reported.
 */
export async function buildCorpus(dir: string): Promise<{ good: CorpusCase[]; tampered: CorpusCase[]; key: TestKey; log: TestLog }> {
  const key = testKey(ORIGIN);
  const log = new TestLog(ORIGIN, key).append(leavesOf(fabricateHistory(LOG_SIZE, 7)));
  const keys = [key.verifierKey];
  const path = (name: string) => join(dir, `${name}.zip`);
  const since = (note: string, name: string) => {
    const file = join(dir, `${name}.checkpoint`);
    writeFileSync(file, note);
    return { note, file };
  };
  await exportBundle(log, path('whole'));
  await exportBundle(log, path('middle'), { from: 10, to: 30, sinceSize: 8 });
  await exportBundle(log, path('usage'), { kind: 'usage', indexes: USAGE_INDEXES });
  const whole = await readBundleFiles(path('whole'));
  const middle = await readBundleFiles(path('middle'));
  const usage = await readBundleFiles(path('usage'));
  const lines = recordLines(whole);
  const variant = async (name: string, files: BundleFiles) => writeBundleFiles(path(name), files);

  const good: CorpusCase[] = [
    { name: 'the whole log', bundle: path('whole'), keys, expected: { records: LOG_SIZE } },
    { name: 'leaves [10, 30) with a range proof', bundle: path('middle'), keys, expected: { records: 20 } },
    { name: 'leaves [10, 30), extending the checkpoint of size 8 the auditor holds', bundle: path('middle'), keys, since: since(log.checkpointNote(8), 'held-8'), expected: { records: 20 } },
    { name: 'a usage export with inclusion proofs', bundle: path('usage'), keys, expected: { records: USAGE_INDEXES.length } },
    { name: 'the whole log, with an old and a new key given', bundle: path('whole'), keys: [testKey('keyward.test/old').verifierKey, ...keys], expected: { records: LOG_SIZE } },
    // archiver turns to zip64 by itself past 65,535 files or 4 GiB; this reads the same structures, forced.
    { name: 'the usage export rewritten as zip64', bundle: await writeBundleFiles(path('usage-zip64'), usage, false, true), keys, expected: { records: USAGE_INDEXES.length } },
  ];

  const other = testKey(ORIGIN);
  const fork = new TestLog(ORIGIN, key).append([...log.leaves.slice(0, 24), ...leavesOf(fabricateHistory(LOG_SIZE, 99)).slice(24)]);
  await exportBundle(fork, path('fork'), { sinceSize: 30 });
  await exportBundle(log, path('older'), { size: 30 });
  const truncatedZip = await writeBundleFiles(path('truncated-zip'), whole);
  await truncate(truncatedZip, 3000);

  const tampered: CorpusCase[] = [
    { name: 'a changed byte in a record', bundle: await variant('changed-byte', withRecordLines(whole, lines.map((line, i) => (i === 12 ? changedDigit(line) : line)))), keys, expected: { index: 12, reason: /does not match the signed checkpoint/ } },
    { name: 'a changed byte that breaks a record\'s JSON', bundle: await variant('broken-json', withRecordLines(whole, lines.map((line, i) => (i === 5 ? Buffer.concat([Buffer.from('['), line.subarray(1)]) : line)))), keys, expected: { index: 5, reason: /is not JSON/ } },
    { name: 'a dropped record', bundle: await variant('dropped', withRecordLines(whole, lines.filter((_, i) => i !== 20))), keys, expected: { index: 20, file: RECORDS_FILE, reason: /is missing/ } },
    { name: 'an inserted record', bundle: await variant('inserted', withRecordLines(whole, [...lines.slice(0, 15), strangerRecord(), ...lines.slice(15)])), keys, expected: { index: 15, file: RECORDS_FILE, reason: /inserted record/ } },
    { name: 'two records reordered', bundle: await variant('reordered', withRecordLines(whole, [...lines.slice(0, 8), lines[9], lines[8], ...lines.slice(10)])), keys, expected: { index: 8, reason: /does not match the signed checkpoint/ } },
    { name: 'a duplicated record', bundle: await variant('duplicated', withRecordLines(whole, [...lines.slice(0, 31), lines[30], ...lines.slice(31, 39)])), keys, expected: { index: 31, reason: /duplicate of the record before it/ } },
    { name: 'records.ndjson truncated after 34 records', bundle: await variant('truncated', withRecordLines(whole, lines.slice(0, 34))), keys, expected: { index: 34, file: RECORDS_FILE, reason: /is missing.*truncated/ } },
    { name: 'records.ndjson cut in the middle of a line', bundle: await variant('cut', new Map(whole).set(RECORDS_FILE, whole.get(RECORDS_FILE)!.subarray(0, whole.get(RECORDS_FILE)!.length - 50))), keys, expected: { index: 39, file: RECORDS_FILE, reason: /cut short/ } },
    { name: 'the ZIP file truncated', bundle: truncatedZip, keys, expected: { file: basename(truncatedZip), reason: /not a complete ZIP/ } },
    { name: 'a data edit with the manifest hash recomputed', bundle: await variant('rehashed-edit', rehashed(withRecordLines(whole, lines.map((line, i) => (i === 25 ? replaced(line, '"corr-26"', '"corr-62"') : line))))), keys, expected: { index: 25, reason: /does not match the signed checkpoint/ } },
    { name: 'a CSV edit alone', bundle: await variant('csv-edit', new Map(whole).set(CSV_FILE, replaced(whole.get(CSV_FILE)!, ',corr-18,', ',corr-81,'))), keys, expected: { index: 17, file: CSV_FILE, reason: /records\.csv was edited/ } },
    { name: 'an OCSF edit alone', bundle: await variant('ocsf-edit', new Map(whole).set(OCSF_FILE, withLineChanged(whole.get(OCSF_FILE)!, 22))), keys, expected: { index: 22, file: OCSF_FILE, reason: /records\.ocsf\.ndjson was edited/ } },
    { name: 'a fork: the bundle\'s log does not extend the checkpoint the auditor holds', bundle: path('fork'), keys, since: since(log.checkpointNote(30), 'held-30'), expected: { file: 'proofs/consistency.txt', reason: /^fork: the log of size 40 does not extend the checkpoint of size 30 you hold$/ } },
    { name: 'a fork at the same size', bundle: path('fork'), keys, since: since(log.checkpointNote(40), 'held-40'), expected: { file: CHECKPOINT_FILE, reason: /^fork: the log of size 40 does not extend the checkpoint of size 40 you hold$/ } },
    { name: 'a checkpoint the auditor holds that is newer than the bundle\'s', bundle: path('older'), keys, since: since(log.checkpointNote(40), 'held-40b'), expected: { file: '--since', reason: /newer than the bundle's \(size 30\)/ } },
    { name: 'a bundle without the consistency proof the auditor needs', bundle: path('whole'), keys, since: since(log.checkpointNote(8), 'held-8b'), expected: { file: 'proofs/consistency.txt', reason: /sinceSize=8/ } },
    { name: 'a wrong key', bundle: path('whole'), keys: [other.verifierKey], expected: { file: CHECKPOINT_FILE, reason: /not signed by any known key/ } },
    { name: 'a bad signature', bundle: await variant('bad-signature', rehashed(new Map(whole).set(CHECKPOINT_FILE, badSignature(whole.get(CHECKPOINT_FILE)!)))), keys, expected: { file: CHECKPOINT_FILE, reason: /signature by .* does not verify/ } },
    { name: 'an argon2 hash planted in a record, re-signed', bundle: await variant('argon2', planted(whole, log, 14, (record) => ({ ...record, data: { ...(record.data as object), secretHash: ARGON2_HASH } }))), keys, expected: { index: 14, reason: /carries a secret: an argon2 hash/ } },
    { name: 'an app password planted in a record, re-signed', bundle: await variant('app-password', planted(whole, log, 27, (record) => ({ ...record, data: { ...(record.data as object), label: `mail ${composeAppPassword('k7m3p9x2qa', 'abcdefghijkmnpqrst').password}` } }))), keys, expected: { index: 27, reason: /carries a secret: an app password/ } },
    { name: 'a file added', bundle: await variant('extra-file', new Map(whole).set('notes.txt', Buffer.from('hello\n'))), keys, expected: { file: 'notes.txt', reason: /not listed in manifest\.json/ } },
    { name: 'a file removed', bundle: await variant('missing-file', withoutFile(whole, CSV_FILE)), keys, expected: { file: CSV_FILE, reason: /missing from the bundle/ } },
    { name: 'another tenant named in the manifest', bundle: await variant('tenant', rehashed(withManifest(whole, (m) => void (m['tenantId'] = 'another-tenant')))), keys, expected: { index: 0, reason: /belongs to tenant/ } },
    { name: 'the checkpoint size edited in the manifest', bundle: await variant('manifest-size', withManifest(whole, (m) => void ((m['checkpoint'] as { size: number }).size = 39))), keys, expected: { file: 'manifest.json', reason: /range \[0, 40\) goes past the checkpoint's 39 leaves/ } },
    { name: 'a range proof with a changed hash', bundle: await variant('range-proof', rehashed(new Map(middle).set(RANGE_PROOF_FILE, changedLastHash(middle.get(RANGE_PROOF_FILE)!)))), keys, expected: { file: RANGE_PROOF_FILE, reason: /do not rebuild the signed checkpoint's root/ } },
    { name: 'a range moved in the manifest', bundle: await variant('range-moved', rehashed(withManifest(middle, (m) => void (m['range'] = { from: 11, to: 31 })))), keys, expected: { file: RANGE_PROOF_FILE, reason: /proves \[10, 30\)/ } },
    { name: 'a changed record in a filtered bundle', bundle: await variant('usage-changed', rehashed(withRecordLines(usage, recordLines(usage).map((line, i) => (i === 3 ? changedDigit(line) : line))))), keys, expected: { index: USAGE_INDEXES[3], reason: /does not match its inclusion proof/ } },
    { name: 'an inclusion proof missing', bundle: await variant('usage-no-proof', withoutFile(usage, 'proofs/26.tlog-proof', false)), keys, expected: { index: 26, file: 'proofs/26.tlog-proof', reason: /missing from the bundle/ } },
    { name: 'another record\'s inclusion proof', bundle: await variant('usage-other-proof', rehashed(new Map(usage).set('proofs/26.tlog-proof', usage.get('proofs/33.tlog-proof')!))), keys, expected: { index: 26, file: 'proofs/26.tlog-proof', reason: /is for leaf 33/ } },
    { name: 'filtered records reordered with their indexes', bundle: await variant('usage-reordered', rehashed(withManifest(usage, (m) => void (m['indexes'] = [3, 7, 19, 12, 26, 33, 38])))), keys, expected: { index: 12, file: 'manifest.json', reason: /strictly increasing/ } },
  ];
  return { good, tampered, key, log };
}

export const USAGE_INDEXES = [3, 7, 12, 19, 26, 33, 38];

/** A record of the same tenant that this log never held. */
function strangerRecord(): Buffer {
  return leavesOf(fabricateHistory(12, 5)).at(-1)!;
}

function replaced(bytes: Buffer, from: string, to: string): Buffer {
  const text = bytes.toString('utf8');
  if (!text.includes(from)) throw new Error(`no ${from} to replace`);
  return Buffer.from(text.replace(from, to), 'utf8');
}

/** One digit of the record's time changed: still canonical JSON, a different leaf. */
function changedDigit(line: Buffer): Buffer {
  const text = line.toString('utf8');
  const at = text.indexOf('"occurredAt":"2026-03-01T') + '"occurredAt":"2026-03-0'.length;
  return Buffer.from(text.slice(0, at) + '2' + text.slice(at + 1), 'utf8');
}

function withLineChanged(bytes: Buffer, lineNumber: number): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const line = lines[lineNumber];
  const at = Math.floor(line.length / 2);
  lines[lineNumber] = line.slice(0, at) + (line[at] === 'x' ? 'y' : 'x') + line.slice(at + 1);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** One base64 character of the signature changed: still a well-formed note. */
function badSignature(note: Buffer): Buffer {
  const text = note.toString('utf8');
  const at = text.lastIndexOf(' ') + 20;
  return Buffer.from(text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1), 'utf8');
}

function changedLastHash(proof: Buffer): Buffer {
  const lines = proof.toString('utf8').trimEnd().split('\n');
  lines[lines.length - 1] = Buffer.alloc(32, 7).toString('base64');
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

function withoutFile(files: BundleFiles, name: string, isUnlisted = true): BundleFiles {
  const without = new Map(files);
  without.delete(name);
  return isUnlisted ? withManifest(without, (m) => void delete m.files[name]) : without;
}

/**
 * Record `index` rewritten (bypassing auditRecordOf, as a server bug would), the log rebuilt with
 * it and re-signed, the bundle's derived files and hashes recomputed: only the secret check can
 * catch it.
 */
function planted(files: BundleFiles, log: TestLog, index: number, edit: (record: AuditRecord) => unknown): BundleFiles {
  const leaves = log.leaves.map((leaf, i) => (i === index ? Buffer.from(canonicalize(edit(JSON.parse(leaf.toString('utf8')) as AuditRecord)) as string, 'utf8') : leaf));
  const rebuilt = new TestLog(log.origin, log.key).append(leaves);
  return forged(files, leaves, rebuilt.checkpointNote());
}
