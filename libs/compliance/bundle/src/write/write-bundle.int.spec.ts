import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import canonicalize from 'canonicalize';
import { BundleWriteError, writeBundle, type BundleInput } from '../index';
import { exportBundle, fabricateHistory, leavesOf, manifestOf, readBundleFiles, recordLines, TestLog, testKey, ARGON2_HASH, TEST_TENANT } from '../testing';

const ORIGIN = 'keyward.test/contoso';

describe('writeBundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-write-'));
  const log = new TestLog(ORIGIN, testKey(ORIGIN)).append(leavesOf(fabricateHistory(30, 3)));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given the whole log, when exported, then records.ndjson holds each leaf and a newline in order, and the manifest names the range, the checkpoint and every file\'s SHA-256', async () => {
    const written = await exportBundle(log, join(dir, 'whole.zip'));
    const files = await readBundleFiles(join(dir, 'whole.zip'));
    const manifest = manifestOf(files);
    expect(written).toEqual({ records: 30, bytes: readFileSync(join(dir, 'whole.zip')).length });
    expect([...files.keys()]).toEqual(['checkpoint.txt', 'records.ndjson', 'records.csv', 'records.ocsf.ndjson', 'manifest.json']);
    expect(recordLines(files)).toEqual(log.leaves);
    expect(files.get('checkpoint.txt')?.toString()).toBe(log.checkpointNote());
    expect(manifest).toEqual({
      format: 'keyward-bundle/1',
      tenantId: TEST_TENANT,
      origin: ORIGIN,
      kind: 'audit-log',
      range: { from: 0, to: 30 },
      generatedAt: '2026-03-02T09:30:00.000Z',
      software: { name: 'keyward', version: '0.1.0' },
      checkpoint: { size: 30, rootHash: log.reader().rootHash().toString('base64') },
      records: 30,
      files: Object.fromEntries([...files].filter(([name]) => name !== 'manifest.json').map(([name, bytes]) => [name, sha256(bytes)])),
    });
  });

  it('given a middle range and an auditor\'s checkpoint size, when exported, then the bundle has the range proof and the consistency proof', async () => {
    await exportBundle(log, join(dir, 'middle.zip'), { from: 5, to: 12, size: 25, sinceSize: 4 });
    const files = await readBundleFiles(join(dir, 'middle.zip'));
    expect([...files.keys()]).toEqual(['checkpoint.txt', 'proofs/range.txt', 'proofs/consistency.txt', 'records.ndjson', 'records.csv', 'records.ocsf.ndjson', 'manifest.json']);
    expect(files.get('proofs/range.txt')?.toString()).toMatch(/^keyward range proof v1\nfrom 5\nto 12\nsize 25\n/);
    expect(files.get('proofs/consistency.txt')?.toString()).toMatch(/^keyward consistency proof v1\nold 4\nnew 25\n/);
    expect(manifestOf(files)).toMatchObject({ range: { from: 5, to: 12 }, checkpoint: { size: 25 }, sinceSize: 4, records: 7 });
  });

  it('given a usage export, when exported, then the manifest lists every record\'s leaf index and the filter, and each record has its tlog-proof', async () => {
    await exportBundle(log, join(dir, 'usage.zip'), { kind: 'usage', indexes: [2, 9, 29] });
    const files = await readBundleFiles(join(dir, 'usage.zip'));
    const manifest = manifestOf(files);
    expect(manifest).toMatchObject({ kind: 'usage', filter: { user: 'user0@contoso.example' }, records: 3, indexes: [2, 9, 29] });
    expect(manifest).not.toHaveProperty('range');
    expect(Object.keys(manifest.files)).toEqual(['checkpoint.txt', 'records.ndjson', 'records.csv', 'records.ocsf.ndjson', 'proofs/2.tlog-proof', 'proofs/9.tlog-proof', 'proofs/29.tlog-proof']);
    expect(files.get('proofs/9.tlog-proof')?.toString()).toBe(`c2sp.org/tlog-proof@v1\nindex 9\n${log.reader().inclusionProof(9).map((hash) => hash.toString('base64') + '\n').join('')}\n${log.checkpointNote()}`);
  });

  it('given the same input twice, when exported, then the two ZIPs are byte for byte the same', async () => {
    await exportBundle(log, join(dir, 'once.zip'), { kind: 'inventory', indexes: [0, 1, 2] });
    await exportBundle(log, join(dir, 'twice.zip'), { kind: 'inventory', indexes: [0, 1, 2] });
    expect(readFileSync(join(dir, 'once.zip')).equals(readFileSync(join(dir, 'twice.zip')))).toBe(true);
  });

  it.each([
    ['a range past the checkpoint', { range: { from: 0, to: 40 } }, /needs a range within the checkpoint's 30 leaves/],
    ['another origin than the checkpoint\'s', { origin: 'keyward.test/fabrikam' }, /origin "keyward.test\/fabrikam" is not the checkpoint's/],
  ])('given %s, when exported, then it is refused before a byte is written', async (_, change, message) => {
    const output = new PassThrough();
    const error = await writeBundle(inputOf(log, change), output).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BundleWriteError);
    expect((error as Error).message).toMatch(message);
    expect(output.destroyed || output.writableLength > 0).toBe(false);
  });

  it.each([
    ['records out of order', { records: [0, 2, 1] }, /record 1 of range \[0, 3\) has index 2/],
    ['a gap in a range', { records: [0, 1] }, /the range \[0, 3\) has 3 records; 2 were given/],
    ['a record with an argon2 hash in it', { secretAt: 1 }, /record 1 carries a secret: an argon2 hash: nothing is exported/],
    ['a record of another tenant', { tenantId: 'another-tenant' }, /record 0 belongs to tenant/],
  ])('given %s, when exported, then it stops midway with why, destroys the output and leaves no temp file', async (_, change, message) => {
    const temp = mkdtempSync(join(dir, 'tmp-'));
    const output = new PassThrough();
    output.resume();
    const error = await withTmpdir(temp, () => writeBundle(inputOf(log, change), output)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BundleWriteError);
    expect((error as Error).message).toMatch(message);
    expect(output.destroyed).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('given an export that succeeds, when it is done, then its temporary directory is gone', async () => {
    const temp = mkdtempSync(join(dir, 'tmp-'));
    await withTmpdir(temp, () => exportBundle(log, join(dir, 'clean.zip'), { kind: 'usage', indexes: [1, 3] }));
    expect(readdirSync(temp)).toEqual([]);
  });

  it('given a client that goes away mid-export, when the output is destroyed, then writeBundle rejects instead of waiting for ever', async () => {
    const output = createWriteStream(join(dir, 'gone.zip'));
    const input = inputOf(log, {});
    const slow = { ...input, records: slowly(input.records, () => output.destroy(new Error('client went away'))) };
    await expect(writeBundle(slow, output)).rejects.toThrow();
  });
});

interface Change {
  records?: number[];
  range?: { from: number; to: number };
  origin?: string;
  secretAt?: number;
  tenantId?: string;
}

function inputOf(log: TestLog, change: Change): BundleInput {
  const indexes = change.records ?? [0, 1, 2];
  const leaves = log.leaves.map((leaf, i) => (i === change.secretAt ? withSecret(leaf) : leaf));
  return {
    manifest: {
      tenantId: change.tenantId ?? TEST_TENANT,
      origin: change.origin ?? ORIGIN,
      kind: 'audit-log',
      range: change.range ?? { from: 0, to: 3 },
      generatedAt: '2026-03-02T09:30:00.000Z',
      software: { name: 'keyward', version: '0.1.0' },
    },
    checkpointNote: log.checkpointNote(),
    records: (async function* () {
      for (const index of indexes) yield { index, bytes: leaves[index] };
    })(),
    proofs: { range: (from, to) => log.reader().rangeProof(from, to) },
  };
}

function withSecret(leaf: Buffer): Buffer {
  const record = JSON.parse(leaf.toString('utf8'));
  return Buffer.from(canonicalize({ ...record, data: { ...record.data, secretHash: ARGON2_HASH } }) as string, 'utf8');
}

async function* slowly<T>(items: AsyncIterable<T>, afterFirst: () => void): AsyncGenerator<T> {
  let isFirst = true;
  for await (const item of items) {
    yield item;
    if (isFirst) afterFirst();
    isFirst = false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** os.tmpdir() reads TMPDIR at each call: the writer's temp directory goes where the test can look. */
async function withTmpdir<T>(path: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = path;
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
