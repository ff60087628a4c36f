export { HASH_SIZE, leafHash, nodeHash, EMPTY_TREE_HASH } from './hashing';
export { TILE_HEIGHT, TILE_WIDTH, TileError } from './tiles';
export type { StoredTile, TileSource } from './tiles';
export { appendLeaves } from './append-leaves';
export { TreeReader } from './tree-reader';
export { ProofError } from './proof-error';
export { verifyInclusion, verifyConsistency } from './proof-verification';
export { rootFromRange, RangeRootBuilder } from './range-root-builder';
export { MerkleAccumulator } from './merkle-accumulator';
