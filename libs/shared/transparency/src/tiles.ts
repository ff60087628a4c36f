import { Buffer } from 'node:buffer';
import { HASH_SIZE, nodeHash } from './hashing';

// Stored hashes in tiles, in the style of Go's sumdb/tlog: tile level L holds the hashes of tree
// level 8·L, and its tile k holds nodes k·256 … k·256 + w − 1 of that level. Everything between two
// tile levels is recomputed from the 256 hashes below it, so a tree of n leaves stores about
// n·(1 + 1/256 + …) hashes and a proof touches a handful of tiles per tile level.

/** Tree levels per tile level. */
export const TILE_HEIGHT = 8;
/** Hashes in a complete tile (2^TILE_HEIGHT). */
export const TILE_WIDTH = 256;

/** A tile as stored: `hashes` is 32·w bytes, 1 ≤ w ≤ 256; only the rightmost tile of a level is partial. */
export interface StoredTile {
  readonly level: number;
  readonly index: number;
  readonly hashes: Buffer;
}

/** Where a tree's tiles live (SQLite in production: synchronous). Returns the tile's concatenated hashes, or null when absent. */
export interface TileSource {
  tile(level: number, index: number): Buffer | null;
}

/** A tile that is missing or does not fit the tree size it is read for: the storage and the size disagree. */
export class TileError extends Error {
  override readonly name = 'TileError';
}

/** Bytes in a complete tile. */
export const TILE_BYTES = TILE_WIDTH * HASH_SIZE;

/**
 * How many hashes tile (level, index) holds in a tree of `size` leaves: 0 when it does not exist yet.
 * Level L has ⌊size / 256^L⌋ nodes.
 */
export function tileWidth(size: number, level: number, index: number): number {
  const nodes = Math.floor(size / TILE_WIDTH ** level);
  return Math.max(0, Math.min(TILE_WIDTH, nodes - index * TILE_WIDTH));
}

/**
 * Reads tile (level, index) and checks it holds at least `width` hashes, and exactly `width` when
 * `exact` (a writer appending after a stale size would otherwise fork the log).
 */
export function readTile(source: TileSource, level: number, index: number, width: number, exact: boolean): Buffer {
  const hashes = source.tile(level, index);
  const where = `tile ${level}/${index}`;
  if (hashes === null) throw new TileError(`${where} is missing; the tree needs ${width} hashes from it`);
  if (hashes.length % HASH_SIZE !== 0 || hashes.length === 0 || hashes.length > TILE_BYTES) {
    throw new TileError(`${where} is ${hashes.length} bytes, not 32·w bytes with 1 ≤ w ≤ 256`);
  }
  const stored = hashes.length / HASH_SIZE;
  if (stored < width) throw new TileError(`${where} holds ${stored} hashes; the tree needs ${width}: it was truncated`);
  if (exact && stored > width) {
    throw new TileError(`${where} holds ${stored} hashes but the tree size given puts ${width} in it: the size is stale`);
  }
  return hashes;
}

/** The complete parents of consecutive pairs of hashes: one tree level up (a trailing odd hash has none yet). */
export function parentLevel(below: Buffer): Buffer {
  const count = Math.floor(below.length / (2 * HASH_SIZE));
  const above = Buffer.allocUnsafe(count * HASH_SIZE);
  for (let i = 0; i < count; i++) {
    const left = below.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE);
    const right = below.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE);
    nodeHash(left, right).copy(above, i * HASH_SIZE);
  }
  return above;
}

/** The root of a complete tile: TILE_HEIGHT levels up from its 256 hashes. */
export function tileRoot(hashes: Buffer): Buffer {
  let level = hashes;
  for (let r = 0; r < TILE_HEIGHT; r++) level = parentLevel(level);
  return level;
}
