import type { ApiError } from '@keyward/console/shared/data-access';
import type { ReportRequest } from '../report-request';
import type { ReportPreview } from '../reports.api';

/** A preview of `count` rows of two columns, drawn from checkpoint 42; the first 20 kept. */
export function previewOf(count: number, fields: Partial<ReportPreview> = {}): ReportPreview {
  const rows = Array.from({ length: count }, (_, index) => [`k${index + 1}`, `user${index + 1}@contoso.example`]);
  return { columns: ['app_password_id', 'user'], rows: rows.slice(0, 20), totalRows: count, checkpointSize: 42, period: 'As of 2026-12-01T10:00:00.000Z', ...fields };
}

/** A test double for the reports API: answers every preview with `answer`, or throws `refusal`; records each request. */
export class ReportsApiDouble {
  answer: ReportPreview = previewOf(3);
  refusal: ApiError | null = null;
  readonly requested: ReportRequest[] = [];

  async preview(request: ReportRequest): Promise<ReportPreview> {
    this.requested.push(request);
    if (this.refusal) throw this.refusal;
    return this.answer;
  }
}
