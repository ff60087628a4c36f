import { parentPort, workerData } from 'node:worker_threads';
import { AuditLogFile } from '../audit-log-file';
import { LeafReader, LeafUnavailableError, type LineFormat } from '../leaf-reader';

/** A slice of an export, as the pool asks a worker for it. */
export interface SliceRequest {
  readonly id: number;
  readonly tenantId: string;
  readonly from: number;
  readonly to: number;
  readonly format: LineFormat;
  readonly version: string;
  /** Memory of a slice the asker is done with (moved here, not copied), to write this one into. */
  readonly spare?: ArrayBuffer;
}

/** A worker's answer: the slice's lines (UTF-8, their memory moved to the asker, not copied), or why it has none. */
export type SliceAnswer =
  | { readonly id: number; readonly bytes: Uint8Array }
  | { readonly id: number; readonly error: string; readonly isUnavailable: boolean };

/** What a worker is started with. */
export interface ExportWorkerData {
  readonly dataDir: string;
  readonly fileName?: string;
}

/**
 * An export worker thread's loop: a read-only connection of its own to the audit-log file, and
 * one slice at a time, read, checked and written as lines on this thread, not the event loop's.
 */
export function runExportWorker(): void {
  if (!parentPort) throw new Error('runExportWorker runs in a worker thread');
  const port = parentPort;
  const { dataDir, fileName } = workerData as ExportWorkerData;
  const reader = new LeafReader(new AuditLogFile(dataDir, { fileName, readOnly: true }));
  port.on('message', (request: SliceRequest) => {
    let bytes: Uint8Array;
    try {
      // The lines' buffer has memory of its own (LineBuffer), so it moves to the asker rather than being copied.
      bytes = reader.linesOf(request.tenantId, request.from, request.to, request.format, request.version, request.spare);
    } catch (error) {
      const failed: SliceAnswer = { id: request.id, error: error instanceof Error ? error.message : String(error), isUnavailable: error instanceof LeafUnavailableError };
      port.postMessage(failed);
      return;
    }
    port.postMessage({ id: request.id, bytes } satisfies SliceAnswer, [bytes.buffer as ArrayBuffer]);
  });
}
