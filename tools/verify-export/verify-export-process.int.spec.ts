import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '@keyward/compliance/bundle/testing';

const ROOT = join(__dirname, '../..');

/** Runs node with these arguments in `cwd`: exit code and output, as a shell would see them. */
function node(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, env: { PATH: process.env['PATH'], ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('verify-export as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-process-'));
  const keyward = join(dir, 'tools', 'keyward.mjs');
  const metafile = join(dir, 'keyward.meta.json');
  let corpus: Awaited<ReturnType<typeof buildCorpus>>;

  beforeAll(async () => {
    corpus = await buildCorpus(dir);
    execFileSync(process.execPath, ['tools/verify-export/build.mjs', '--outfile', keyward, '--metafile', metafile], { cwd: ROOT, encoding: 'utf8' });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const good = () => corpus.good[0];
  const bad = () => corpus.tampered.find((item) => item.name === 'a changed byte in a record')!;
  const keyArgs = () => ['--key', corpus.key.verifierKey];

  it('given the built keyward.mjs, then it is one small file bundling the verifier\'s libraries and no server code', () => {
    // What is in the output (the metafile's top-level inputs also list what tree shaking dropped).
    const { outputs } = JSON.parse(readFileSync(metafile, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
    const inputs = Object.entries(Object.values(outputs)[0].inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
    expect(statSync(keyward).size).toBeLessThan(300 * 1024);
    expect(inputs.some((input) => input.includes('node_modules/yauzl/'))).toBe(true);
    expect(inputs.some((input) => input.includes('node_modules/canonicalize/'))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/(@nestjs|argon2|better-sqlite3|archiver|pino|@apollo)\//.test(input))).toEqual([]);
  });

  it('given a good and a tampered bundle, when plain node runs keyward.mjs verify-export outside the repository, then it exits 0 with OK and 1 with the bad record', () => {
    expect(node([keyward, 'verify-export', good().bundle, ...keyArgs()], dir)).toEqual({ code: 0, stdout: `OK ${(good().expected as { records: number }).records} records\n`, stderr: '' });
    expect(node([keyward, 'verify-export', bad().bundle, ...keyArgs()], dir)).toEqual({ code: 1, stdout: expect.stringMatching(/^FAIL record 12: does not match the signed checkpoint.*\n$/), stderr: '' });
  });

  it('given no command, an unknown one or a missing bundle, when keyward.mjs runs, then it exits 2 with one line and no stack trace', () => {
    expect(node([keyward], dir)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^keyward: no command given; usage: node keyward\.mjs <command>.*\n$/) });
    expect(node([keyward, 'verify'], dir)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^keyward: unknown command verify; usage:.*\n$/) });
    expect(node([keyward, 'verify-export', join(dir, 'nothing.zip'), ...keyArgs()], dir)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^verify-export: .*nothing\.zip: no such file\n$/) });
  });

  it('given the npm script\'s command line (swc-node over main.ts), when run on a good and a bad bundle and without arguments, then it exits 0, 1 and 2', () => {
    const script = (args: string[]) => node(['-r', '@swc-node/register', 'tools/verify-export/main.ts', ...args], ROOT, { SWC_NODE_PROJECT: 'tsconfig.base.json' });
    expect(script([good().bundle, ...keyArgs()])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK 40 records\n$/) });
    expect(script([bad().bundle, ...keyArgs()])).toMatchObject({ code: 1, stdout: expect.stringMatching(/^FAIL record 12: /) });
    expect(script([])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^verify-export: no bundle given; usage: .*\n$/) });
  }, 60_000);
});
