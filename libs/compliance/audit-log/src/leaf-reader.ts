import { HASH_SIZE, TILE_WIDTH } from '@keyward/shared/transparency';
import { ocsfJson, type AuditRecord } from '@keyward/compliance/domain';
import type { AuditLogFile } from './audit-log-file';
import { LineBuffer } from './export/line-buffer';
import { leafHashOfJson } from './leaf-hash';

/** A leaf of a tenant's log: its index and the record's bytes (its canonical JSON). */
export interface Leaf {
  readonly index: number;
  readonly bytes: Buffer;
}

/** Room made for a line, so that a slice's buffer seldom grows: a sign-in's record is about 500 bytes, its OCSF event 1,100. */
const RECORD_LINE_BYTES = 768;
const OCSF_LINE_BYTES = 1536;

/** How an export writes each record: its leaf's bytes (NDJSON), or its OCSF event. */
export type LineFormat = 'ndjson' | 'ocsf';

/** The log has no such leaf, or its record is not the one the tree holds (a damaged file). */
export class LeafUnavailableError extends Error {}

/**
 * Records read from the log at a time, by the reader and by each slice of an export (about
 * 130 KB of NDJSON, 300 KB of OCSF). Small on purpose: what a read makes lives until it is handed
 * over, and 2,000 at a time outlived the young generation, so the collector moved it to the old
 * one; at 256 an export of a million took a third less CPU. On the event loop, it is also as long
 * as the loop waits for its next turn.
 */
export const LEAVES_PER_READ = 256;

/**
 * Reads a tenant's leaves from its log, in order. Every leaf handed out is checked against the
 * tree (its hash in the tile), so an export can only hold what the signed log holds.
 */
export class LeafReader {
  private tile: { tenantId: string; index: number; hashes: Buffer } | null = null;

  constructor(private readonly file: AuditLogFile) {}

  /** Leaves `from` ≤ i < `to`, in order. */
  range(tenantId: string, from: number, to: number): AsyncGenerator<Leaf> {
    return this.walk(tenantId, from, to);
  }

  /** The leaves in [from, to) whose record `accept`s (every one without it), in order. */
  async *walk(tenantId: string, from: number, to: number, accept?: (record: AuditRecord) => boolean): AsyncGenerator<Leaf> {
    let index = from;
    while (index < to) {
      const records = this.file.leaves(tenantId, index, to, LEAVES_PER_READ);
      if (records.length === 0) throw new LeafUnavailableError(`The log has no leaf ${index}.`);
      for (const json of records) {
        if (!accept || accept(JSON.parse(json) as AuditRecord)) {
          this.check(tenantId, index, json);
          yield { index, bytes: Buffer.from(json, 'utf8') };
        }
        index += 1;
      }
      // Between reads, so that an export of millions lets everything else on the server run.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /**
   * The lines of leaves `from` ≤ i < `to`, every leaf checked, as one run of UTF-8: what an export
   * worker hands back for a slice of an export. `version` is Keyward's, which OCSF events name;
   * `spare`, memory to write them into (an earlier slice's, done with).
   */
  linesOf(tenantId: string, from: number, to: number, format: LineFormat, version: string, spare?: ArrayBuffer): Buffer {
    const records = this.file.leaves(tenantId, from, to, to - from);
    if (records.length < to - from) throw new LeafUnavailableError(`The log has no leaf ${from + records.length}.`);
    const lines = new LineBuffer(records.length * (format === 'ocsf' ? OCSF_LINE_BYTES : RECORD_LINE_BYTES), spare);
    for (let i = 0; i < records.length; i++) {
      const json = records[i];
      this.check(tenantId, from + i, json);
      lines.line(format === 'ocsf' ? ocsfJson(JSON.parse(json) as AuditRecord, { version }) : json);
    }
    return lines.bytes();
  }

  private check(tenantId: string, index: number, json: string): void {
    const tileIndex = Math.floor(index / TILE_WIDTH);
    const offset = (index % TILE_WIDTH) * HASH_SIZE;
    // A partial tile grows as the log does: one read before this leaf was appended is read again.
    if (this.tile?.index !== tileIndex || this.tile.tenantId !== tenantId || this.tile.hashes.length < offset + HASH_SIZE) {
      const hashes = this.file.tiles(tenantId).tile(0, tileIndex);
      if (!hashes || hashes.length < offset + HASH_SIZE) throw new LeafUnavailableError(`The log has no leaf ${index}.`);
      this.tile = { tenantId, index: tileIndex, hashes };
    }
    if (leafHashOfJson(json).compare(this.tile.hashes, offset, offset + HASH_SIZE) !== 0) {
      throw new LeafUnavailableError(`The log's record of leaf ${index} is not the one its tree holds: the file is damaged.`);
    }
  }
}
