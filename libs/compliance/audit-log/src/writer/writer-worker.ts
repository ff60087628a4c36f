import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore } from '@keyward/shared/event-store';
import { CheckpointedSubscriber, DeadLetters } from '@keyward/shared/event-sourcing';
import { AuditLogFile } from '../audit-log-file';
import { AuditLogWriter } from '../audit-log-writer';
import { WRITER_OPTIONS } from './writer-options';

/** What the writer's thread is started with: where the log and the store are. */
export interface WriterWorkerData {
  readonly role: 'writer';
  readonly dataDir: string;
  readonly fileName?: string;
  readonly eventStoreUrl?: string;
}

/** From the event loop to the writer's thread. */
export type WriterRequest = { readonly type: 'settle'; readonly id: number } | { readonly type: 'stop' };

/** From the writer's thread to the event loop. */
export type WriterReport =
  | { readonly type: 'settled'; readonly id: number }
  | { readonly type: 'log'; readonly level: 'error' | 'warn'; readonly message: string; readonly details?: Record<string, string> };

/** How often the thread's own connection looks for events the server appended: it hears of no append otherwise. */
const POLL_MS = 20;

/**
 * The audit log's writer on a thread of its own: its own connection to the store (SQLite, or an
 * EventStoreDB client) and to the log file, and the same checkpointed subscriber and writer as
 * on the event loop, so a burst of events (a revocation case of 100,000) is logged beside the
 * server rather than in its way.
 */
export function runWriterWorker(): void {
  if (!parentPort) throw new Error('runWriterWorker runs in a worker thread');
  const port = parentPort;
  const { dataDir, fileName, eventStoreUrl } = workerData as WriterWorkerData;
  const report = (message: WriterReport) => port.postMessage(message);
  const detailsOf = (details?: Record<string, unknown>) => details && Object.fromEntries(Object.entries(details).map(([key, value]) => [key, String(value)]));
  const file = new AuditLogFile(dataDir, { fileName });
  const store = openEventStore({ dataDir, eventStoreUrl, reader: { pollIntervalMs: POLL_MS } });
  const subscriber = new CheckpointedSubscriber(
    new AuditLogWriter(file),
    store,
    file.db,
    new DeadLetters(file.db),
    {
      error: (message, details) => report({ type: 'log', level: 'error', message, details: detailsOf(details) }),
      warn: (message, details) => report({ type: 'log', level: 'warn', message, details: detailsOf(details) }),
    },
    WRITER_OPTIONS,
  );
  void subscriber.start().catch((error: unknown) => report({ type: 'log', level: 'error', message: 'the audit log could not start', details: { error: String(error) } }));
  port.on('message', (request: WriterRequest) => {
    if (request.type === 'settle') {
      void subscriber.settled().then(() => report({ type: 'settled', id: request.id }));
      return;
    }
    void (async () => {
      await subscriber.stop();
      await store.close();
      file.close();
      // The thread ends once its port is closed; the event loop's side waits for that exit.
      port.close();
    })();
  });
}
