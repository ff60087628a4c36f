import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, type CorpusCase } from '@keyward/compliance/bundle/testing';
import { runVerifyExport } from './verify-export-cli';

/** Runs the CLI in-process: its exit code and the lines it wrote. */
async function run(args: readonly string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerifyExport(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

function argsOf(item: CorpusCase): string[] {
  return [item.bundle, ...item.keys.flatMap((key) => ['--key', key]), ...(item.since ? ['--since', item.since.file] : [])];
}

describe('verify-export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
  let corpus: Awaited<ReturnType<typeof buildCorpus>>;

  beforeAll(async () => {
    corpus = await buildCorpus(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given good bundles, when verified, then it exits 0 and prints OK and the record count', async () => {
    for (const item of corpus.good) {
      const expected = item.expected as { records: number };
      expect({ name: item.name, ...(await run(argsOf(item))) }).toEqual({ name: item.name, code: 0, out: [`OK ${expected.records} records`], err: [] });
    }
  });

  it('given tampered bundles, when verified, then it exits 1 and prints the first bad record (or file) and why, on one line', async () => {
    const results = [];
    for (const item of corpus.tampered) results.push({ name: item.name, ...(await run(argsOf(item))) });
    expect(results).toEqual(
      corpus.tampered.map((item) => {
        const expected = item.expected as { index?: number; file?: string; reason: RegExp };
        const subject = expected.index === undefined ? expected.file : `record ${expected.index}`;
        const line = new RegExp(`^FAIL ${escaped(subject ?? '')}: .*${expected.reason.source.replace(/^\^/, '')}`);
        return { name: item.name, code: 1, out: [expect.stringMatching(line)], err: [] };
      }),
    );
  });

  it.each([
    ['no arguments', [], /^verify-export: no bundle given; usage: verify-export <bundle\.zip> --key/],
    ['no key', ['bundle.zip'], /^verify-export: at least one --key is needed; usage:/],
    ['a --key without its value', ['bundle.zip', '--key'], /^verify-export: --key needs a value; usage:/],
    ['an unknown option', ['bundle.zip', '--keys', 'k'], /^verify-export: unknown option --keys; usage:/],
    ['two bundles', ['a.zip', 'b.zip', '--key', 'k'], /^verify-export: one bundle at a time, not 2; usage:/],
  ])('given %s, when run, then it exits 2 with one line of usage', async (_, args, message) => {
    const { code, out, err } = await run(args);
    expect({ code, out, err }).toEqual({ code: 2, out: [], err: [expect.stringMatching(message)] });
  });

  it('given a missing bundle, a file that is not a ZIP, a missing --since file or a malformed key, when run, then it exits 2 with one line saying so', async () => {
    const key = corpus.key.verifierKey;
    const good = corpus.good[0].bundle;
    const cases: [string[], RegExp][] = [
      [[join(dir, 'nothing.zip'), '--key', key], /^verify-export: .*nothing\.zip: no such file$/],
      [[corpus.good[2].since!.file, '--key', key], /^verify-export: .*held-8\.checkpoint is not a ZIP file$/],
      [[dir, '--key', key], /^verify-export: .* is not a file$/],
      [[good, '--key', key, '--since', join(dir, 'nothing.checkpoint')], /^verify-export: --since .*nothing\.checkpoint: no such file$/],
      [[good, '--key', 'not-a-key'], /^verify-export: malformed verifier key: a verifier key is <name>\+<key id>\+<key>, not "not-a-key"$/],
      [[good, '--key', key.replace(/\+[0-9a-f]{8}\+/, '+00000000+')], /^verify-export: malformed verifier key: the key id 00000000 .* does not match its name and key$/],
    ];
    for (const [args, message] of cases) expect(await run(args)).toEqual({ code: 2, out: [], err: [expect.stringMatching(message)] });
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
