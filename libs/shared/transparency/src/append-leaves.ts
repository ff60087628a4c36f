import { Buffer } from 'node:buffer';
import { HASH_SIZE, isHash } from './hashing';
import { assertCount } from './tree-shape';
import { readTile, StoredTile, TILE_BYTES, TILE_WIDTH, tileRoot, TileSource } from './tiles';

/**
 * Appends leaf hashes to a tree of `size` leaves whose tiles `source` holds. Returns the tiles that
 * changed (the caller writes them in one transaction, replacing earlier versions of the same
 * level/index) and the new size. Reads only the rightmost tile of each level, and only when it is
 * partial; throws a TileError when that tile does not hold exactly what `size` says (a stale size
 * would otherwise fork the log).
 */
export function appendLeaves(
  source: TileSource,
  size: number,
  leafHashes: readonly Buffer[],
): { size: number; tiles: StoredTile[] } {
  assertCount(size, 'the tree size');
  const newSize = size + leafHashes.length;
  assertCount(newSize, 'the new tree size');
  leafHashes.forEach((hash, i) => {
    if (!isHash(hash)) throw new RangeError(`leaf hash ${i} is ${hash.length} bytes, not ${HASH_SIZE}`);
  });

  const tiles: StoredTile[] = [];
  let fresh: Buffer[] = [...leafHashes];
  for (let level = 0; fresh.length > 0; level++) {
    const before = Math.floor(size / TILE_WIDTH ** level);
    const firstIndex = Math.floor(before / TILE_WIDTH);
    const kept = before % TILE_WIDTH;
    const row = Buffer.concat(kept > 0 ? [readTile(source, level, firstIndex, kept, true), ...fresh] : fresh);
    fresh = [];
    for (let offset = 0, index = firstIndex; offset < row.length; offset += TILE_BYTES, index++) {
      const hashes = row.subarray(offset, offset + TILE_BYTES);
      tiles.push({ level, index, hashes });
      if (hashes.length === TILE_BYTES) fresh.push(tileRoot(hashes));
    }
  }
  return { size: newSize, tiles };
}
