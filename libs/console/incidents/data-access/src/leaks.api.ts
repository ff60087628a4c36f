import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError, GraphQLClient } from '@keyward/console/shared/data-access';
import type { LeakScan } from '@keyward/console/incidents/util';
import { LEAK_SCAN_UPLOAD_URL, MAX_PASTE_JSON_BYTES, SCAN_FOR_LEAKED_APP_PASSWORDS } from './leaks.operations';

/** The HTTP statuses of a refused upload, as codes beside GraphQL's (docs/leak-intake.md). */
const UPLOAD_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Scanning text for the tenant's leaked app passwords: the one place the console sends it from. */
@Injectable({ providedIn: 'root' })
export class LeaksApi {
  private readonly graphql = inject(GraphQLClient);
  private readonly http = inject(HttpClient);

  /** Scans pasted text: as GraphQL, or as an upload when it is too long for GraphQL's body limit. */
  async scanText(text: string): Promise<LeakScan> {
    if (new Blob([JSON.stringify(text)]).size > MAX_PASTE_JSON_BYTES) return this.scanFile(new Blob([text]));
    return (await this.graphql.request(SCAN_FOR_LEAKED_APP_PASSWORDS, { text })).scanForLeakedAppPasswords;
  }

  /**
   * Uploads a file's bytes to POST /leaks/scan as UTF-8 text, whatever the browser thinks the
   * file is: the server refuses what is not text (415) with the offset that is not.
   */
  async scanFile(file: Blob): Promise<LeakScan> {
    try {
      return await firstValueFrom(this.http.post<LeakScan>(LEAK_SCAN_UPLOAD_URL, file, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
    } catch (error) {
      throw uploadError(error);
    }
  }
}

/** A refused upload as an ApiError: a code for its status, the server's message. */
function uploadError(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse) || error.status === 0) return new ApiError('NETWORK', 'Keyward could not be reached. Check your connection and try again.');
  const body = (typeof error.error === 'object' && error.error) || {};
  const message = typeof body.message === 'string' ? body.message : '';
  const code = typeof body.code === 'string' ? body.code : (UPLOAD_CODES[error.status] ?? 'INTERNAL_SERVER_ERROR');
  return new ApiError(code, message, { status: error.status });
}
