import { createHash } from 'node:crypto';

/** SHA-256 of some bytes, in lowercase hex (as `manifest.json` lists files). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
