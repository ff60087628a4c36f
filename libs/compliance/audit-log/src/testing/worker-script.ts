import { buildSync } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../../..');

/**
 * The audit log's worker script as the server's build bundles it (here with esbuild), written
 * under node_modules/.cache so that it finds the packages it requires, as dist/apps/api does.
 * The caller removes it.
 */
export function buildWorkerScript(): string {
  const outfile = join(ROOT, 'node_modules/.cache/keyward-tests', `audit-log-worker-${process.pid}-${randomUUID()}.js`);
  buildSync({
    entryPoints: [join(__dirname, '../audit-log-worker.main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    logLevel: 'error',
  });
  return outfile;
}
