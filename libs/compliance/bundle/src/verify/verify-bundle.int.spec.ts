import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleInputError, verifyBundle } from '../index';
import { buildCorpus, type CorpusCase } from '../testing/tamper-corpus';

/** The result a tampered case expects: exactly its index and file (absent when not given), a reason matching. */
function failure(item: CorpusCase): unknown {
  const expected = item.expected as { index?: number; file?: string; reason: RegExp };
  return {
    ok: false,
    ...(expected.index === undefined ? {} : { index: expected.index }),
    ...(expected.file === undefined ? {} : { file: expected.file }),
    reason: expect.stringMatching(expected.reason),
  };
}

describe('verifyBundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-verify-'));
  let corpus: Awaited<ReturnType<typeof buildCorpus>>;

  beforeAll(async () => {
    corpus = await buildCorpus(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const verify = (item: CorpusCase) => verifyBundle(item.bundle, { keys: item.keys, ...(item.since ? { since: item.since.note } : {}) });

  it('given good bundles (whole log, a range, a usage export, with --since), when verified, then each is OK with its record count', async () => {
    for (const item of corpus.good) {
      expect({ name: item.name, result: await verify(item) }).toEqual({ name: item.name, result: { ok: true, ...item.expected } });
    }
  });

  it('given tampered bundles, when verified, then each fails with the record to blame and why', async () => {
    const results = [];
    for (const item of corpus.tampered) results.push({ name: item.name, result: await verify(item) });
    expect(results).toEqual(corpus.tampered.map((item) => ({ name: item.name, result: failure(item) })));
  });

  it('given a path that is no file, or a file that is not a ZIP, when verified, then it is an input error, not a verdict', async () => {
    const keys = [corpus.key.verifierKey];
    await expect(verifyBundle(join(dir, 'nothing.zip'), { keys })).rejects.toThrow(new BundleInputError(`${join(dir, 'nothing.zip')}: no such file`));
    await expect(verifyBundle(join(dir, 'held-8.checkpoint'), { keys })).rejects.toThrow(/is not a ZIP file/);
    await expect(verifyBundle(dir, { keys })).rejects.toThrow(/is not a file/);
  });

  it('given a malformed key, or none, when verified, then it is an input error', async () => {
    const bundle = corpus.good[0].bundle;
    await expect(verifyBundle(bundle, { keys: ['keyward.test/contoso+0000+AAAA'] })).rejects.toThrow(/malformed verifier key: the key id/);
    await expect(verifyBundle(bundle, { keys: [] })).rejects.toThrow(/no verifier key given/);
  });
});
