import { Buffer } from 'node:buffer';
import { EMPTY_TREE_HASH, leafHash, nodeHash } from '../hashing';
import { appendLeaves } from '../append-leaves';
import { TileSource } from '../tiles';

// Test support: RFC 9162's definitions written as literally as possible, to check the tiled code against.

/** MTH(D[n]) by the recursion of RFC 9162 §2.1.1. */
export function naiveRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_TREE_HASH;
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

/** Distinct, reproducible leaf hashes: the hash of the record "leaf <i>". */
export function sampleLeaves(count: number, offset = 0): Buffer[] {
  return Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`leaf ${offset + i}`)));
}

/** Tiles in a Map, written the way the SQLite store writes them: a later version replaces an earlier one. */
export class MemoryTiles implements TileSource {
  readonly tiles = new Map<string, Buffer>();
  size = 0;

  tile(level: number, index: number): Buffer | null {
    return this.tiles.get(`${level}/${index}`) ?? null;
  }

  append(leafHashes: readonly Buffer[]): this {
    const result = appendLeaves(this, this.size, leafHashes);
    for (const tile of result.tiles) this.tiles.set(`${tile.level}/${tile.index}`, Buffer.from(tile.hashes));
    this.size = result.size;
    return this;
  }
}
