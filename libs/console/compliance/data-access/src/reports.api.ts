import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '@keyward/console/shared/data-access';
import { refusalOf } from './export-errors';
import { parseCsv } from './parse-csv';
import { reportUrl, type ReportRequest } from './report-request';

/** How many rows a preview shows. */
export const PREVIEW_ROWS = 20;

/** The first rows of a report's CSV, how many it has in all, and what it was drawn from. */
export interface ReportPreview {
  columns: string[];
  /** At most PREVIEW_ROWS, in the report's order. */
  rows: string[][];
  /** Every row of the report (the header not counted). */
  totalRows: number;
  /** The size of the signed audit-log checkpoint it was drawn from (X-Keyward-Checkpoint-Size). */
  checkpointSize: number | null;
  /** The period it covers, in the server's words (X-Keyward-Report-Period). */
  period: string | null;
}

/** The compliance reports (DESIGN §8: `GET /reports/<name>?format=csv|pdf`) with the session cookie. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** Reads the whole CSV and keeps its first rows. A refusal is an ApiError (BAD_USER_INPUT and NOT_FOUND with the server's message). */
  async preview(request: ReportRequest): Promise<ReportPreview> {
    let response;
    try {
      response = await firstValueFrom(this.http.get(reportUrl(request, 'csv'), { observe: 'response', responseType: 'text', headers: { Accept: 'text/csv' } }));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse) || error.status === 0) throw new ApiError('NETWORK', 'Keyward could not be reached. Check your connection and try again.');
      throw refusalOf(error.status, typeof error.error === 'string' ? error.error : JSON.stringify(error.error ?? {}));
    }
    const [columns = [], ...rows] = parseCsv(response.body ?? '');
    const size = response.headers.get('X-Keyward-Checkpoint-Size');
    return {
      columns,
      rows: rows.slice(0, PREVIEW_ROWS),
      totalRows: rows.length,
      checkpointSize: size !== null && /^\d+$/.test(size.trim()) ? Number(size.trim()) : null,
      period: response.headers.get('X-Keyward-Report-Period'),
    };
  }
}
