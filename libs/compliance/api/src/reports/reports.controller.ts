import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { startCsvDownload } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';
import { ReportRenderer, reportFormat } from '@keyward/compliance/application';

/**
 * `GET /reports/<name>?format=csv|pdf` (DESIGN §8): compliance reports for auditors. Parameters
 * are checked and the first page read before anything is sent, so bad input is a clean 400 and
 * an unknown report a 404. CSV (RFC 4180, header row) streams a page at a time; the PDF carries the
 * first page's facts, charts and page numbers. Both name the audit-log checkpoint they were drawn
 * from: the PDF on its first page, the CSV in X-Keyward-Checkpoint-* headers.
 */
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportRenderer) {}

  @Get(':name')
  @Requires('reports.read')
  async report(@CurrentPrincipal() principal: UserPrincipal, @Param('name') name: string, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { format: asked, ...params } = query;
    const format = reportFormat(asked);
    const prepared = await this.reports.prepare(principal, name, params);
    const { cover, report, fileBase } = prepared;
    response
      .setHeader('X-Keyward-Checkpoint-Size', String(cover.checkpoint.size))
      .setHeader('X-Keyward-Checkpoint-Root-Hash', cover.checkpoint.rootHash)
      .setHeader('X-Keyward-Generated-At', cover.generatedAt)
      .setHeader('X-Keyward-Report-Period', report.period);
    if (format === 'pdf') response.status(200).type('application/pdf').attachment(`${fileBase}.pdf`).setHeader('Cache-Control', 'no-store');
    else startCsvDownload(response, `${fileBase}.csv`);
    await this.reports.write(prepared, format, response);
  }
}
