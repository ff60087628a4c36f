import { ApiError } from '@keyward/console/shared/data-access';
import type { AuditCheckpoint } from '../audit-checkpoint';
import type { AuditKey } from '../audit-key';
import type { DownloadedExport, DownloadProgress } from '../audit-log.api';
import type { ExportRequest } from '../export-request';
import { checkpointOf, keysOf } from './audit-fixtures';

/**
 * A test double for the audit log API: no server runs in a component test. The checkpoint and
 * keys answer `checkpoint` and `keys` (or throw `readError`); a download reports each of `chunks`
 * as progress, waiting for `hold` before the last one when set, so a test can look at a running
 * download and cancel it; `refusal` makes it fail. Every download is recorded in `requested`.
 */
export class AuditLogApiDouble {
  checkpoint: AuditCheckpoint | null = checkpointOf();
  keys: AuditKey[] = keysOf();
  readError: ApiError | null = null;
  chunks = [1024, 2048];
  records: number | null = 120;
  fileName = 'keyward-audit-log-0-120.zip';
  refusal: ApiError | null = null;
  hold: Promise<void> | null = null;
  readonly requested: ExportRequest[] = [];

  async latestCheckpoint(): Promise<AuditCheckpoint | null> {
    if (this.readError) throw this.readError;
    return this.checkpoint;
  }

  async verifierKeys(): Promise<AuditKey[]> {
    if (this.readError) throw this.readError;
    return this.keys;
  }

  async downloadBundle(request: ExportRequest, signal: AbortSignal, onProgress: (progress: DownloadProgress) => void): Promise<DownloadedExport> {
    this.requested.push(request);
    if (this.refusal) throw this.refusal;
    let receivedBytes = 0;
    onProgress({ receivedBytes, totalBytes: null, records: this.records });
    for (const [index, size] of this.chunks.entries()) {
      if (index === this.chunks.length - 1 && this.hold) await Promise.race([this.hold, aborted(signal)]);
      if (signal.aborted) throw new ApiError('CANCELLED', 'The download was cancelled.', { receivedBytes });
      receivedBytes += size;
      onProgress({ receivedBytes, totalBytes: null, records: this.records });
    }
    return { blob: new Blob([new Uint8Array(receivedBytes)]), fileName: this.fileName, bytes: receivedBytes, records: this.records };
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Records what would be saved instead of clicking a link. */
export class FileSaverDouble {
  readonly saved: { fileName: string; size: number }[] = [];

  save(blob: Blob, fileName: string): void {
    this.saved.push({ fileName, size: blob.size });
  }
}
