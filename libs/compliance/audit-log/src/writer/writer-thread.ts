import type { Worker } from 'node:worker_threads';
import type { SubscriberLogger } from '@keyward/shared/event-sourcing';
import { startAuditLogThread } from '../audit-log-thread';
import type { WriterReport, WriterRequest, WriterWorkerData } from './writer-worker';

/** A writer thread that stopped on its own is started again after this long (it goes on from its checkpoint). */
const RESTART_MS = 1000;

/**
 * The event loop's side of the audit log's writer thread (writer-worker.ts): starts it, asks it
 * whether the log holds everything appended so far, stops it. A thread that dies is started
 * again, and whoever was waiting for it to settle asks the new one.
 */
export class AuditLogWriterThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, () => void>();
  private nextId = 0;
  private isStopping = false;
  private stopped: Promise<void> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly data: Omit<WriterWorkerData, 'role'>,
    private readonly log: SubscriberLogger,
  ) {}

  /** Starts the thread; it catches up on its own (a new log reads the whole store). */
  async start(): Promise<void> {
    this.isStopping = false;
    this.spawn();
  }

  /** Resolves once the log holds every event appended before the call. */
  settled(): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      // Someone waiting for the thread keeps the process alive until it answers.
      this.worker?.ref();
      this.post({ type: 'settle', id });
    });
  }

  /** Stops the thread once its batch in hand is written. */
  async stop(): Promise<void> {
    this.isStopping = true;
    // Stopping writes the batch in hand: the process waits for it.
    this.worker?.ref();
    this.post({ type: 'stop' });
    await this.stopped;
  }

  private spawn(): void {
    const worker = startAuditLogThread(this.script, { workerData: { role: 'writer', ...this.data } satisfies WriterWorkerData });
    this.worker = worker;
    this.stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (report: WriterReport) => {
      if (report.type === 'settled') {
        this.waiting.get(report.id)?.();
        this.waiting.delete(report.id);
        if (this.waiting.size === 0) worker.unref();
      } else if (report.type === 'log') {
        this.log[report.level](report.message, report.details ?? {});
      }
    });
    worker.on('error', (error) => this.log.error('the audit log writer thread failed', { error: String(error) }));
    worker.on('exit', (code) => {
      this.worker = null;
      if (this.isStopping) return;
      this.log.error('the audit log writer thread stopped; starting it again', { code: String(code) });
      setTimeout(() => {
        if (this.isStopping) return;
        this.spawn();
        if (this.waiting.size > 0) this.worker?.ref();
        for (const id of this.waiting.keys()) this.post({ type: 'settle', id });
      }, RESTART_MS).unref();
    });
    // The thread never keeps the process alive by itself: the server's listener does.
    worker.unref();
  }

  private post(request: WriterRequest): void {
    this.worker?.postMessage(request);
  }
}
