import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { badInput, notFound } from '@keyward/shared/domain';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, readModelsSettled, spreadsheetSafe, startCsvDownload, SubscriberHost, type Clock } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';
import { userPrincipalNames } from '@keyward/identity/read-models';
import { AuditLog } from '@keyward/compliance/audit-log';
import type { Report } from './report';
import { REPORTS } from './report-definitions';
import { writeReportPdf, type ReportCover } from './report-pdf';

/**
 * `GET /reports/<name>?format=csv|pdf` (DESIGN §8): compliance reports for auditors. Parameters
 * are checked and the first page read before anything is sent, so bad input is a clean 400 and
 * an unknown report a 404. CSV (RFC 4180, header row) streams a page at a time; the PDF carries the
 * first page's facts, charts and page numbers. Both name the audit-log checkpoint they were drawn
 * from: the PDF on its first page, the CSV in X-Keyward-Checkpoint-* headers.
 */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly directory: Directory,
    private readonly auditLog: AuditLog,
    private readonly subscribers: SubscriberHost,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':name')
  @Requires('reports.read')
  async report(@CurrentPrincipal() principal: UserPrincipal, @Param('name') name: string, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const definition = Object.prototype.hasOwnProperty.call(REPORTS, name) ? REPORTS[name] : undefined;
    if (!definition) throw notFound(`No report named ${JSON.stringify(name.slice(0, 60))}. Reports: ${Object.keys(REPORTS).join(', ')}.`);
    const { format = 'csv', ...params } = query;
    if (format !== 'csv' && format !== 'pdf') throw badInput('format must be csv or pdf.');
    await readModelsSettled(this.subscribers);
    const now = this.clock.now();
    const tenant = await this.directory.tenantOf(principal);
    const report = await definition(params, { principal, tenant, now, queries: this.queries, db: this.db });
    const checkpoint = await this.auditLog.checkpoint(principal.tenantId);
    const cover: ReportCover = {
      tenant: `${tenant.name} (${tenant.domains.join(', ')})`,
      generatedAt: now.toISOString(),
      generatedBy: `${userPrincipalNames(this.db, principal.tenantId, [principal.userId]).get(principal.userId) ?? ''} (user:${principal.userId})`.trim(),
      checkpoint: { origin: this.auditLog.origin(principal.tenantId), size: checkpoint.size, rootHash: checkpoint.rootHash.toString('base64') },
    };
    response
      .setHeader('X-Keyward-Checkpoint-Size', String(cover.checkpoint.size))
      .setHeader('X-Keyward-Checkpoint-Root-Hash', cover.checkpoint.rootHash)
      .setHeader('X-Keyward-Generated-At', cover.generatedAt)
      .setHeader('X-Keyward-Report-Period', report.period);
    const file = `keyward-${name}-${now.toISOString().slice(0, 10)}`;
    if (format === 'pdf') {
      response.status(200).type('application/pdf').attachment(`${file}.pdf`).setHeader('Cache-Control', 'no-store');
      await writeReportPdf(report, cover, response);
      return;
    }
    await writeCsv(report, `${file}.csv`, response);
  }
}

async function writeCsv(report: Report, fileName: string, response: Response): Promise<void> {
  startCsvDownload(response, fileName);
  const csv = stringify({ header: true, columns: [...report.columns] });
  csv.pipe(response);
  for await (const batch of report.rows()) {
    for (const row of batch) {
      if (!csv.write(row.map((cell) => spreadsheetSafe(cell)))) await once(csv, 'drain');
    }
  }
  csv.end();
}
