import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '@keyward/console/shared/data-access';
import { parseCheckpoint, type AuditCheckpoint } from './audit-checkpoint';
import type { AuditKey } from './audit-key';
import { refusalOf } from './export-errors';
import { bundleUrl, fallbackFileName, fileNameOf, type ExportRequest } from './export-request';
import { STREAMED_FETCH, type StreamedResponse } from './streamed-fetch';

export const CHECKPOINT_URL = '/audit/checkpoint';
export const AUDIT_KEYS_URL = '/.well-known/keyward/audit-keys';

/** How far a download has come: bytes so far, and what the headers told up front (each null when they did not). */
export interface DownloadProgress {
  receivedBytes: number;
  /** Content-Length, when the server knew it (a streamed bundle usually does not). */
  totalBytes: number | null;
  /** X-Keyward-Records: how many records the bundle holds, when known up front. */
  records: number | null;
}

/** A downloaded bundle, whole, and the name to save it under. */
export interface DownloadedExport {
  blob: Blob;
  fileName: string;
  bytes: number;
  records: number | null;
}

const NETWORK_MESSAGE = 'Keyward could not be reached. Check your connection and try again.';

/**
 * The audit log's HTTP API (DESIGN §8): the tenant's latest signed checkpoint, the published
 * verifier keys, and export bundles, streamed.
 */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);
  private readonly fetch = inject(STREAMED_FETCH);

  /** The tenant's latest signed checkpoint; null when the log has none yet. */
  async latestCheckpoint(): Promise<AuditCheckpoint | null> {
    let note: string;
    try {
      note = await firstValueFrom(this.http.get(CHECKPOINT_URL, { responseType: 'text' }));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) return null;
      throw httpRefusalOf(error);
    }
    return note.trim() === '' ? null : parseCheckpoint(note);
  }

  /** Every published verifier key (the endpoint is public, and may list other tenants' too). */
  async verifierKeys(): Promise<AuditKey[]> {
    try {
      return (await firstValueFrom(this.http.get<{ keys: AuditKey[] }>(AUDIT_KEYS_URL))).keys ?? [];
    } catch (error) {
      throw httpRefusalOf(error);
    }
  }

  /**
   * Downloads a bundle chunk by chunk, telling `onProgress` after each; `signal` aborts it. A
   * refusal is an ApiError (BAD_USER_INPUT with the server's message, STEP_UP_REQUIRED, …); an
   * aborted download is a CANCELLED one, a broken one INTERRUPTED, each with the bytes received.
   */
  async downloadBundle(request: ExportRequest, signal: AbortSignal, onProgress: (progress: DownloadProgress) => void): Promise<DownloadedExport> {
    let response: StreamedResponse;
    try {
      response = await this.fetch(bundleUrl(request), { signal, headers: { Accept: 'application/zip' }, credentials: 'same-origin' });
    } catch {
      throw signal.aborted ? cancelledAfter(0) : new ApiError('NETWORK', NETWORK_MESSAGE);
    }
    if (!response.ok) throw refusalOf(response.status, await response.text().catch(() => ''));
    const reader = response.body?.getReader();
    if (!reader) throw new ApiError('INTERNAL_SERVER_ERROR', 'Keyward sent an empty answer.');
    const progress: DownloadProgress = { receivedBytes: 0, totalBytes: countOf(response.headers.get('Content-Length')), records: countOf(response.headers.get('X-Keyward-Records')) };
    onProgress({ ...progress });
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        chunks.push(chunk.value);
        progress.receivedBytes += chunk.value.byteLength;
        onProgress({ ...progress });
      }
    } catch {
      if (signal.aborted) throw cancelledAfter(progress.receivedBytes);
      throw new ApiError('INTERRUPTED', 'The download broke off before the end, so nothing was saved. Try again.', { receivedBytes: progress.receivedBytes });
    }
    const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackFileName(request);
    return { blob: new Blob(chunks, { type: 'application/zip' }), fileName, bytes: progress.receivedBytes, records: progress.records };
  }
}

function cancelledAfter(receivedBytes: number): ApiError {
  return new ApiError('CANCELLED', 'The download was cancelled.', { receivedBytes });
}

/** A header's whole number, or null when it is missing or not one. */
function countOf(header: string | null): number | null {
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
}

function httpRefusalOf(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse) || error.status === 0) return new ApiError('NETWORK', NETWORK_MESSAGE);
  const body = typeof error.error === 'string' ? error.error : JSON.stringify(error.error ?? {});
  return refusalOf(error.status, body);
}
