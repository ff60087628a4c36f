import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { AuditLogFile } from '../audit-log-file';
import { startAuditLogThread } from '../audit-log-thread';
import { LEAVES_PER_READ as SLICE_LEAVES, LeafReader, LeafUnavailableError, type LineFormat } from '../leaf-reader';
import type { ExportWorkerData, SliceAnswer, SliceRequest } from './export-worker';

/** Slices asked for ahead of the one being written, per worker: enough to keep each busy, few enough to keep memory flat. */
const AHEAD_PER_WORKER = 4;

/**
 * A worker's heap. What it holds at once is a slice (a few MB); without limits each worker's
 * collector let garbage pile up to hundreds of MB before collecting, and a million-record export
 * grew the process by more than 250 MB.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 };

/** A worker with nothing to do for this long stops (its heap and connection are given back); the next export starts another. */
const IDLE_MS = 30_000;

interface PooledWorker {
  readonly worker: Worker;
  readonly waiting: Map<number, { resolve(bytes: Buffer): void; reject(error: Error): void }>;
  idle: NodeJS.Timeout | null;
}

/**
 * The lines of an export (`GET /exports/audit-log`), made by worker threads: each reads its own
 * slices of the log through a read-only connection, checks every leaf against the tree and writes
 * the lines, while the event loop only passes them on, in order, so a long export neither blocks
 * `/verify` nor runs on one core. A few slices are asked for ahead (memory stays flat), and they
 * go to the workers in turn. Without a worker script (tests, a server run from source) the same
 * code runs on the event loop, a small slice at a time.
 */
export class ExportLines {
  private readonly workers: PooledWorker[] = [];
  /** The memory of slices given back (`recycle`), to write later slices into. */
  private readonly spares: ArrayBuffer[] = [];
  /** The memory of every slice handed out and not yet given back: only those may be recycled. */
  private readonly handedOut = new WeakSet<ArrayBuffer>();
  private nextId = 0;
  private turn = 0;

  constructor(
    private readonly file: AuditLogFile,
    private readonly workerScript: string | null,
    private readonly data: ExportWorkerData,
    private readonly threads = Math.max(1, Math.min(4, availableParallelism())),
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Worker threads running now (none until an export asks, none once they have idled). */
  get running(): number {
    return this.workers.length;
  }

  /**
   * The lines of leaves `from` ≤ i < `to` (UTF-8), slice by slice, in order. A caller done with a
   * slice (written to a socket, and the write called back) may `recycle` it.
   */
  async *lines(tenantId: string, from: number, to: number, format: LineFormat, version: string): AsyncGenerator<Buffer> {
    if (!this.workerScript) {
      const reader = new LeafReader(this.file);
      for (let start = from; start < to; start += SLICE_LEAVES) {
        yield this.handOut(reader.linesOf(tenantId, start, Math.min(start + SLICE_LEAVES, to), format, version, this.spares.pop()));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return;
    }
    const ahead: Promise<Buffer>[] = [];
    let next = from;
    const askMore = () => {
      while (next < to && ahead.length < this.threads * AHEAD_PER_WORKER) {
        const slice = { tenantId, from: next, to: Math.min(next + SLICE_LEAVES, to), format, version };
        const answer = this.ask(slice);
        // Rejections are awaited in order below; an export ended early must not leave them unhandled.
        answer.catch(() => undefined);
        ahead.push(answer);
        next = slice.to;
      }
    };
    askMore();
    while (ahead.length > 0) {
      const bytes = await (ahead.shift() as Promise<Buffer>);
      askMore();
      yield bytes;
    }
  }

  /**
   * Gives back a slice's memory once nothing reads it any more: a later slice is written into it.
   * A million-record export otherwise hands thousands of buffers of a few hundred KB to the
   * collector, which let them pile up (and spent a fifth of the export's CPU time on them).
   */
  recycle(bytes: Buffer): void {
    const memory = bytes.buffer as ArrayBuffer;
    if (!this.handedOut.delete(memory)) return;
    if (this.spares.length < this.threads * AHEAD_PER_WORKER) this.spares.push(memory);
  }

  /** Stops the workers (a slice still asked for fails). */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.splice(0).map((pooled) => {
        if (pooled.idle) clearTimeout(pooled.idle);
        return pooled.worker.terminate();
      }),
    );
  }

  private ask(slice: Omit<SliceRequest, 'id' | 'spare'>): Promise<Buffer> {
    const pooled = this.worker();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      pooled.waiting.set(id, { resolve, reject });
      if (pooled.idle) clearTimeout(pooled.idle);
      pooled.idle = null;
      // A worker with work keeps the process alive; an idle one does not.
      pooled.worker.ref();
      const spare = this.spares.pop();
      pooled.worker.postMessage({ id, ...slice, spare } satisfies SliceRequest, spare ? [spare] : []);
    });
  }

  private handOut(bytes: Buffer): Buffer {
    this.handedOut.add(bytes.buffer as ArrayBuffer);
    return bytes;
  }

  /** The next worker in turn, started when there are fewer than `threads`. */
  private worker(): PooledWorker {
    if (this.workers.length < this.threads) {
      const worker = startAuditLogThread(this.workerScript as string, { workerData: this.data, resourceLimits: WORKER_HEAP });
      worker.unref();
      const pooled: PooledWorker = { worker, waiting: new Map(), idle: null };
      worker.on('message', (answer: SliceAnswer) => {
        const waiter = pooled.waiting.get(answer.id);
        pooled.waiting.delete(answer.id);
        if (pooled.waiting.size === 0) {
          worker.unref();
          pooled.idle = setTimeout(() => this.retire(pooled), this.idleMs).unref();
        }
        if ('bytes' in answer) waiter?.resolve(this.handOut(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength)));
        else waiter?.reject(answer.isUnavailable ? new LeafUnavailableError(answer.error) : new Error(answer.error));
      });
      // A worker that fails fails what it was asked for, and leaves the pool; the next export starts another.
      const fail = (error: Error) => {
        this.remove(pooled);
        for (const waiter of pooled.waiting.values()) waiter.reject(error);
        pooled.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`An export worker stopped (exit code ${code}).`)));
      this.workers.push(pooled);
      return pooled;
    }
    return this.workers[this.turn++ % this.workers.length];
  }

  /** An idle worker leaves the pool and stops. */
  private retire(pooled: PooledWorker): void {
    if (pooled.waiting.size > 0) return;
    this.remove(pooled);
    void pooled.worker.terminate();
  }

  private remove(pooled: PooledWorker): void {
    if (pooled.idle) clearTimeout(pooled.idle);
    const at = this.workers.indexOf(pooled);
    if (at >= 0) this.workers.splice(at, 1);
  }
}
