import { Buffer } from 'node:buffer';
import { EMPTY_TREE_HASH, leafHash, nodeHash } from './hashing';
import { MerkleAccumulator } from './merkle-accumulator';
import { verifyConsistency, verifyInclusion } from './proof-verification';
import { MemoryTiles } from './testing/naive-merkle';
import { TreeReader } from './tree-reader';

// RFC 6962 test vectors published by Certificate Transparency (google/certificate-transparency
// merkle_tree_test.cc, repeated in transparency-dev/merkle testonly/constants.go): eight leaves,
// the root of every prefix, two audit paths and one consistency proof.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const AUDIT_PATHS = [
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CONSISTENCY_2_TO_8 = [
  '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
];

const hex = (hashes: readonly Buffer[]) => hashes.map((hash) => hash.toString('hex'));
const unhex = (hashes: readonly string[]) => hashes.map((hash) => Buffer.from(hash, 'hex'));
const leafHashes = LEAVES.map((leaf) => leafHash(Buffer.from(leaf, 'hex')));

describe('RFC 6962 hashing, against the published Certificate Transparency vectors', () => {
  it('given no leaves, the root is SHA-256 of the empty string', () => {
    expect(EMPTY_TREE_HASH.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new TreeReader(new MemoryTiles(), 0).rootHash().equals(EMPTY_TREE_HASH)).toBe(true);
    expect(new MerkleAccumulator().root().equals(EMPTY_TREE_HASH)).toBe(true);
  });

  it('given the eight vector leaves, the leaf hash is SHA-256(0x00 || record) and the node hash SHA-256(0x01 || left || right)', () => {
    expect(leafHashes[0].toString('hex')).toBe(ROOTS[0]);
    expect(nodeHash(leafHashes[0], leafHashes[1]).toString('hex')).toBe(ROOTS[1]);
  });

  it('given the leaves appended one by one, every prefix has the published root, from the tiles and from the accumulator', () => {
    const tiles = new MemoryTiles();
    const accumulator = new MerkleAccumulator();
    leafHashes.forEach((hash, i) => {
      tiles.append([hash]);
      accumulator.push(hash);
      expect(new TreeReader(tiles, tiles.size).rootHash().toString('hex')).toBe(ROOTS[i]);
      expect(accumulator.root().toString('hex')).toBe(ROOTS[i]);
    });
    const reader = new TreeReader(tiles, 8);
    ROOTS.forEach((root, i) => expect(reader.rootHash(i + 1).toString('hex')).toBe(root));
  });

  it('given the tree of eight, the audit paths are the published ones and verify', () => {
    const reader = new TreeReader(new MemoryTiles().append(leafHashes), 8);
    for (const { index, size, path } of AUDIT_PATHS) {
      expect(hex(reader.inclusionProof(index, size))).toEqual(path);
      expect(verifyInclusion(leafHashes[index], index, size, unhex(path), Buffer.from(ROOTS[size - 1], 'hex'))).toBe(true);
    }
  });

  it('given the trees of two and eight, the consistency proof is the published one and verifies', () => {
    const reader = new TreeReader(new MemoryTiles().append(leafHashes), 8);
    expect(hex(reader.consistencyProof(2, 8))).toEqual(CONSISTENCY_2_TO_8);
    const [oldRoot, newRoot] = unhex([ROOTS[1], ROOTS[7]]);
    expect(verifyConsistency(2, 8, oldRoot, newRoot, unhex(CONSISTENCY_2_TO_8))).toBe(true);
  });
});
