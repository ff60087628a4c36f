import { createHash } from 'node:crypto';
import type { Buffer } from 'node:buffer';

/** Bytes in every hash of the log (SHA-256). */
export const HASH_SIZE = 32;

/** The hash of a leaf: SHA-256(0x00 || record), RFC 6962 §2.1. */
export function leafHash(record: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(record).digest();
}

/** The hash of an interior node: SHA-256(0x01 || left || right), RFC 6962 §2.1. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of the tree with no leaves: SHA-256 of the empty string. */
export const EMPTY_TREE_HASH: Buffer = createHash('sha256').digest();

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** Whether `hash` has the length of a SHA-256 hash. */
export function isHash(hash: Uint8Array): boolean {
  return hash.length === HASH_SIZE;
}
