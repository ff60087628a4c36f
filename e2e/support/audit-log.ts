import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './keyward-process';

const run = promisify(execFile);

/** The offline verifier as `npm run build` leaves it: one file an auditor runs with plain node. */
export const OFFLINE_VERIFIER = join(ROOT, 'dist/tools/keyward.mjs');

/** A key of `GET /.well-known/keyward/audit-keys`. */
export interface PublishedKey {
  tenantId: string;
  origin: string;
  verifierKey: string;
  createdAt: string;
  retiredAt: string | null;
}

export async function publishedKeys(baseUrl: string): Promise<PublishedKey[]> {
  return ((await (await fetch(`${baseUrl}/.well-known/keyward/audit-keys`)).json()) as { keys: PublishedKey[] }).keys;
}

/** Runs the offline verifier as an auditor would (plain node, nothing but PATH in its environment): exit code and output. */
export async function verifyOffline(bundle: string, keys: readonly string[], since?: string): Promise<{ code: number; out: string }> {
  const args = [OFFLINE_VERIFIER, 'verify-export', bundle, ...keys.flatMap((key) => ['--key', key]), ...(since ? ['--since', since] : [])];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { env: { PATH: process.env['PATH'] ?? '' } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}
