import {
  appendLeaves,
  createNoteKey,
  formatCheckpoint,
  leafHash,
  noteSigner,
  signNote,
  TreeReader,
  type NoteSigner,
  type TileSource,
} from '@keyward/shared/transparency';

/** A note key for tests: the signer and its verifier key. */
export interface TestKey {
  readonly signer: NoteSigner;
  readonly verifierKey: string;
}

export function testKey(name: string): TestKey {
  const { privateKeyPem, verifierKey } = createNoteKey(name);
  return { signer: noteSigner(name, privateKeyPem), verifierKey };
}

/**
 * A tenant's transparency log held in memory: tiles in a Map (a TileSource), the leaves kept for
 * the tests to export, checkpoints signed on demand with the test key.
 */
export class TestLog {
  readonly leaves: Buffer[] = [];
  private readonly tiles = new Map<string, Buffer>();
  private readonly source: TileSource = { tile: (level, index) => this.tiles.get(`${level}/${index}`) ?? null };

  constructor(
    readonly origin: string,
    readonly key: TestKey,
  ) {}

  get size(): number {
    return this.leaves.length;
  }

  append(leaves: readonly Buffer[]): this {
    const { tiles } = appendLeaves(this.source, this.size, leaves.map((leaf) => leafHash(leaf)));
    for (const tile of tiles) this.tiles.set(`${tile.level}/${tile.index}`, Buffer.from(tile.hashes));
    this.leaves.push(...leaves);
    return this;
  }

  /** A reader of the tree as it was at `size` leaves. */
  reader(size = this.size): TreeReader {
    return new TreeReader(this.source, size);
  }

  /** The signed checkpoint note of the first `size` leaves. */
  checkpointNote(size = this.size, signers: readonly NoteSigner[] = [this.key.signer]): string {
    return signNote(formatCheckpoint({ origin: this.origin, size, rootHash: this.reader(size).rootHash() }), signers);
  }
}
