import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleInputError, verifyBundle } from '../index';
import {
  exportBundle,
  fabricateHistory,
  leavesOf,
  readBundleFiles,
  recordLines,
  rehashed,
  TestLog,
  testKey,
  withManifest,
  withRecordLines,
  writeBundleFiles,
  type BundleFiles,
  type TestExport,
} from '../testing';

const ORIGIN = 'keyward.test/contoso';
const key = testKey(ORIGIN);
const stranger = leavesOf(fabricateHistory(20, 4242)).slice(8);

/** A log of 1 to 40 records and a bundle of it: the whole log, a range of it (maybe empty), or a filtered set. */
const scenario = fc
  .record({ size: fc.integer({ min: 1, max: 40 }), seed: fc.integer({ min: 1, max: 1_000_000 }), a: fc.nat(), b: fc.nat(), picks: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), shape: fc.constantFrom('whole', 'range', 'filtered') })
  .map(({ size, seed, a, b, picks, shape }) => {
    const [from, to] = [a % (size + 1), b % (size + 1)].sort((x, y) => x - y);
    const indexes = picks.slice(0, size).flatMap((isPicked, index) => (isPicked ? [index] : []));
    const exported: TestExport = shape === 'whole' ? {} : shape === 'range' ? { from, to } : { kind: 'usage', indexes };
    return { size, seed, exported, leafIndexes: shape === 'whole' ? range(0, size) : shape === 'range' ? range(from, to) : indexes };
  });

type Tamper = (files: BundleFiles) => BundleFiles | null;

/** One change an attacker might make; null when it does not apply to this bundle (too few records, say). */
const tamper: fc.Arbitrary<{ name: string; apply: Tamper }> = fc.oneof(
  fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }), cover: fc.boolean() }).map(({ at, xor, cover }) => ({ name: `flip a byte of records.ndjson${cover ? ', rehashed' : ''}`, apply: covered(cover, (files) => flipped(files, 'records.ndjson', at, xor)) })),
  fc.record({ at: fc.nat(), cover: fc.boolean() }).map(({ at, cover }) => ({ name: 'drop a record', apply: covered(cover, lines((all) => (all.length === 0 ? null : all.filter((_, i) => i !== at % all.length)))) })),
  fc.record({ at: fc.nat(), cover: fc.boolean() }).map(({ at, cover }) => ({ name: 'duplicate a record', apply: covered(cover, lines((all) => (all.length === 0 ? null : [...all.slice(0, (at % all.length) + 1), ...all.slice(at % all.length)]))) })),
  fc.record({ at: fc.nat(), which: fc.nat(), cover: fc.boolean() }).map(({ at, which, cover }) => ({ name: 'insert a foreign record', apply: covered(cover, lines((all) => [...all.slice(0, at % (all.length + 1)), stranger[which % stranger.length], ...all.slice(at % (all.length + 1))])) })),
  fc.record({ i: fc.nat(), j: fc.nat(), cover: fc.boolean() }).map(({ i, j, cover }) => ({ name: 'swap two records', apply: covered(cover, lines((all) => swapped(all, i, j))) })),
  fc.record({ keep: fc.nat(), cover: fc.boolean() }).map(({ keep, cover }) => ({ name: 'truncate records.ndjson', apply: covered(cover, lines((all) => (all.length === 0 ? null : all.slice(0, keep % all.length)))) })),
  fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }), cover: fc.boolean(), file: fc.constantFrom('records.csv', 'records.ocsf.ndjson', 'checkpoint.txt') }).map(({ at, xor, cover, file }) => ({ name: `flip a byte of ${file}`, apply: covered(cover, (files) => flipped(files, file, at, xor)) })),
  fc.record({ delta: fc.integer({ min: 1, max: 3 }) }).map(({ delta }) => ({ name: 'change the record count, rehashed', apply: covered(true, (files) => withManifest(files, (m) => void (m['records'] = (m['records'] as number) + delta))) })),
);

describe('verifyBundle, over random logs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-property-'));
  let bundles = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const exported = async ({ size, seed, exported: options }: { size: number; seed: number; exported: TestExport }): Promise<{ path: string; records: number }> => {
    const log = new TestLog(ORIGIN, key).append(leavesOf(fabricateHistory(size, seed)));
    const path = join(dir, `${++bundles}.zip`);
    const written = await exportBundle(log, path, options);
    return { path, records: written.records };
  };

  it('given any log and any bundle of it, when verified untouched, then it is OK with its record count', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (given) => {
        const { path, records } = await exported(given);
        expect(await verifyBundle(path, { keys: [key.verifierKey] })).toEqual({ ok: true, records });
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('given any bundle and any tampering of its content, when verified, then it fails (and never throws)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, tamper, async (given, change) => {
        const { path } = await exported(given);
        const tampered = change.apply(await readBundleFiles(path));
        fc.pre(tampered !== null);
        const result = await verifyBundle(await writeBundleFiles(join(dir, `${++bundles}-tampered.zip`), tampered), { keys: [key.verifierKey] });
        expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
      }),
      { numRuns: 120 },
    );
  }, 60_000);

  it('given a byte changed anywhere in one record\'s line (its newline included), when verified, then the failure names that record\'s leaf index', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (given, line, offset, xor, isRehashed) => {
        fc.pre(given.leafIndexes.length > 0);
        const { path } = await exported(given);
        const files = await readBundleFiles(path);
        const all = recordLines(files);
        const k = line % all.length;
        const at = all.slice(0, k).reduce((sum, bytes) => sum + bytes.length + 1, 0) + (offset % (all[k].length + 1));
        const tampered = covered(isRehashed, (bundle) => flipped(bundle, 'records.ndjson', at, xor))(files) as BundleFiles;
        const result = await verifyBundle(await writeBundleFiles(join(dir, `${++bundles}-flipped.zip`), tampered), { keys: [key.verifierKey] });
        expect(result).toMatchObject({ ok: false, index: given.leafIndexes[k] });
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('given a ZIP with bytes changed anywhere (headers, directory, compressed data), when verified, then it answers with a verdict or an input error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 3 }), async (given, flips) => {
        const { path } = await exported(given);
        const outcome = await verifyBundle(rawFlips(path, flips), { keys: [key.verifierKey] }).catch((error: unknown) => error);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(BundleInputError);
        else expect(outcome).toMatchObject({ ok: expect.any(Boolean) });
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

/** The file with some bytes XORed, as a sibling file. */
function rawFlips(path: string, flips: readonly { at: number; xor: number }[]): string {
  const bytes = readFileSync(path);
  for (const { at, xor } of flips) bytes[at % bytes.length] ^= xor;
  const flipped = path.replace(/\.zip$/, '-raw.zip');
  writeFileSync(flipped, bytes);
  return flipped;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function covered(isRehashed: boolean, change: Tamper): Tamper {
  return (files) => {
    const changed = change(files);
    return changed === null || !isRehashed ? changed : rehashed(changed);
  };
}

function lines(change: (all: Buffer[]) => Buffer[] | null): Tamper {
  return (files) => {
    const changed = change(recordLines(files));
    return changed === null ? null : withRecordLines(files, changed);
  };
}

function flipped(files: BundleFiles, name: string, at: number, xor: number): BundleFiles | null {
  const bytes = files.get(name);
  if (!bytes || bytes.length === 0) return null;
  const copy = Buffer.from(bytes);
  copy[at % copy.length] ^= xor;
  return new Map(files).set(name, copy);
}

function swapped(all: Buffer[], i: number, j: number): Buffer[] | null {
  if (all.length < 2 || i % all.length === j % all.length) return null;
  const copy = [...all];
  [copy[i % all.length], copy[j % all.length]] = [copy[j % all.length], copy[i % all.length]];
  return copy;
}
