import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function lint(file: string): { status: number | null; output: string } {
  const result = spawnSync('npx', ['eslint', '--no-ignore', '--format', 'json', file], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: result.stdout };
}

describe('module boundaries', () => {
  // The rule reads Nx's cached project graph; computing it first makes the test independent of order.
  beforeAll(() => {
    spawnSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
  }, 120_000);

  it('reject a domain library that imports Nest and the event store', () => {
    const { status, output } = lint('libs/testing/boundary-fixture/src/index.ts');
    expect(status).toBe(1);
    const messages: { ruleId: string; message: string }[] = JSON.parse(output)[0].messages;
    const boundaryErrors = messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
    expect(boundaryErrors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/type:domain" is not allowed to import "@nestjs\/common"/),
        expect.stringMatching(/type:domain.*can only depend on libs tagged with "type:domain"/s),
      ]),
    );
  }, 120_000);

  it('accept a real domain library', () => {
    const { status, output } = lint('libs/app-passwords/domain/src/app-password/app-password.ts');
    expect(JSON.parse(output)[0].messages).toEqual([]);
    expect(status).toBe(0);
  }, 120_000);
});
