import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name (RFC 4122 version 5 layout over SHA-256), so that the
 * same user principal name or domain always maps to the same stream, and creating it twice is
 * an optimistic-concurrency conflict rather than a duplicate.
 */
export function stableId(namespace: string, name: string): string {
  const hash = createHash('sha256').update(`${namespace}\u0000${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
