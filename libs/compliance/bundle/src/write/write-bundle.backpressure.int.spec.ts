import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { formatCheckpoint, signNote } from '@keyward/shared/transparency';
import { writeBundle, type BundleRecord } from '../index';
import { fabricateHistory, leavesOf, testKey, TEST_TENANT } from '../testing';

const ORIGIN = 'keyward.test/contoso';
const RECORDS = 30_000;

/** A client that reads nothing until told to: what a slow download looks like to the writer. */
class StalledClient extends Writable {
  received = 0;
  private waiting: (() => void)[] = [];
  private isReading = false;

  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }

  startReading(): void {
    this.isReading = true;
    this.waiting.splice(0).forEach((done) => done());
  }

  override _write(chunk: Buffer, _: BufferEncoding, done: () => void): void {
    this.received += chunk.length;
    if (this.isReading) done();
    else this.waiting.push(done);
  }
}

describe('writeBundle under backpressure', () => {
  it('given a client that stops reading, when a big export runs, then the writer stops pulling records until the client reads again, and then finishes', async () => {
    const key = testKey(ORIGIN);
    const template = leavesOf(fabricateHistory(64, 5));
    let pulled = 0;
    // Random ids, so the records compress no better than real ones and the ZIP's buffers fill up.
    async function* records(): AsyncGenerator<BundleRecord> {
      for (let index = 0; index < RECORDS; index++, pulled++) {
        yield { index, bytes: Buffer.from(template[index % 64].toString('utf8').replace(/"id":"[^"]+"/, `"id":"${randomBytes(96).toString('hex')}"`), 'utf8') };
      }
    }
    const client = new StalledClient();
    const writing = writeBundle(
      {
        manifest: { tenantId: TEST_TENANT, origin: ORIGIN, kind: 'audit-log', range: { from: 0, to: RECORDS }, generatedAt: '2026-03-02T09:30:00.000Z', software: { name: 'keyward', version: '0.1.0' } },
        // The writer takes the checkpoint's size and root as given: no tree is needed to test the flow.
        checkpointNote: signNote(formatCheckpoint({ origin: ORIGIN, size: RECORDS, rootHash: Buffer.alloc(32, 1) }), [key.signer]),
        records: records(),
        proofs: {},
      },
      client,
    );
    // The stall reaches the records once every buffer between them and the client is full.
    let pulledWhileStalled = -1;
    for (let rounds = 0; rounds < 50 && pulled !== pulledWhileStalled; rounds++) {
      pulledWhileStalled = pulled;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(pulled).toBe(pulledWhileStalled);
    // The ZIP's buffers (2 × 256 KiB) and deflate's hold some 8,000 of these records (about 100
    // incompressible bytes each); a writer deaf to backpressure would have pulled all 30,000.
    expect(pulledWhileStalled).toBeLessThan(15_000);
    client.startReading();
    const written = await writing;
    expect(written).toEqual({ records: RECORDS, bytes: client.received });
  }, 120_000);
});
