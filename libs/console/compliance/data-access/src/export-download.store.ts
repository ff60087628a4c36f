import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { ApiError, StepUpService } from '@keyward/console/shared/data-access';
import { AuditLogApi } from './audit-log.api';
import { exportErrorMessage } from './export-errors';
import type { ExportKind, ExportRequest } from './export-request';
import { FileSaver } from './file-saver';

/** Where the one download of the page stands. */
export type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; kind: ExportKind; receivedBytes: number; totalBytes: number | null; records: number | null }
  | { status: 'saved'; fileName: string; bytes: number; records: number | null }
  | { status: 'cancelled'; receivedBytes: number }
  | { status: 'failed'; message: string };

/**
 * One export bundle at a time: downloaded as a stream (bytes so far, the record count when the
 * server told it, a cancel that aborts the request), then saved as a file under the name the
 * server gave. A refusal becomes a sentence; a cancelled or broken download saves nothing.
 */
@Injectable()
export class ExportDownloadStore {
  private readonly api = inject(AuditLogApi);
  private readonly saver = inject(FileSaver);
  private readonly stepUp = inject(StepUpService);
  private controller: AbortController | null = null;

  readonly state = signal<DownloadState>({ status: 'idle' });
  readonly isRunning = computed(() => this.state().status === 'running');
  /** The name of the last file saved, for the verify command; kept when a later download fails. */
  readonly lastFileName = signal<string | null>(null);

  constructor() {
    // Leaving the page stops a download nobody would see end.
    inject(DestroyRef).onDestroy(() => this.cancel());
  }

  /** Downloads and saves the bundle; true once saved. Does nothing while another one runs. */
  async download(request: ExportRequest): Promise<boolean> {
    if (this.isRunning()) return false;
    const controller = new AbortController();
    this.controller = controller;
    this.state.set({ status: 'running', kind: request.kind, receivedBytes: 0, totalBytes: null, records: null });
    try {
      const onProgress = (progress: { receivedBytes: number; totalBytes: number | null; records: number | null }) => this.state.set({ status: 'running', kind: request.kind, ...progress });
      const downloaded = await this.api.downloadBundle(request, controller.signal, onProgress).catch(async (error: unknown) => {
        // Exports need a recent sign-in: confirmed in place, the same download starts again.
        if (!(error instanceof ApiError) || error.code !== 'STEP_UP_REQUIRED' || !(await this.stepUp.confirm())) throw error;
        return this.api.downloadBundle(request, controller.signal, onProgress);
      });
      this.saver.save(downloaded.blob, downloaded.fileName);
      this.lastFileName.set(downloaded.fileName);
      this.state.set({ status: 'saved', fileName: downloaded.fileName, bytes: downloaded.bytes, records: downloaded.records });
      return true;
    } catch (error) {
      this.state.set(isCancelled(error) ? { status: 'cancelled', receivedBytes: receivedOf(error) } : { status: 'failed', message: exportErrorMessage(error) });
      return false;
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Aborts the running download, if any. */
  cancel(): void {
    this.controller?.abort();
  }
}

function isCancelled(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'CANCELLED';
}

function receivedOf(error: ApiError): number {
  const received = error.details['receivedBytes'];
  return typeof received === 'number' ? received : 0;
}
