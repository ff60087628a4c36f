import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { badInput, notFound, spreadsheetSafe } from '@keyward/shared/domain';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, READ_MODEL_DB, readModelsSettled, SubscriberHost, type Clock } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { userPrincipalNames } from '@keyward/identity/read-models';
import { AuditLog } from '@keyward/compliance/audit-log';
import type { Report } from './report';
import { REPORTS } from './report-definitions';
import { writeReportPdf, type ReportCover } from './report-pdf';

export type ReportFormat = 'csv' | 'pdf';

/** A report built and checked, ready to be written: its table is read as it is written. */
export interface PreparedReport {
  readonly report: Report;
  readonly cover: ReportCover;
  /** `keyward-<name>-<date>`, for the file name. */
  readonly fileBase: string;
}

/** A report written whole, as a mail attaches it. */
export interface ReportFile {
  readonly filename: string;
  readonly content: Buffer;
  readonly contentType: string;
}

/** Whether a report of that name exists. */
export function isReportName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(REPORTS, name);
}

/**
 * Builds reports for a principal (its parameters checked: BAD_USER_INPUT; an unknown name:
 * NOT_FOUND) once the read models hold what was just written, and names the audit-log checkpoint
 * they were drawn from; writes them as CSV (RFC 4180, a page at a time) or PDF. The HTTP route
 * streams them; scheduled reports are written to a buffer and mailed.
 */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly queries: QueryBus,
    private readonly directory: Directory,
    private readonly auditLog: AuditLog,
    private readonly subscribers: SubscriberHost,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async prepare(principal: UserPrincipal, name: string, params: Record<string, unknown>): Promise<PreparedReport> {
    if (!isReportName(name)) throw notFound(`No report named ${JSON.stringify(name.slice(0, 60))}. Reports: ${Object.keys(REPORTS).join(', ')}.`);
    await readModelsSettled(this.subscribers);
    const now = this.clock.now();
    const tenant = await this.directory.tenantOf(principal);
    const report = await REPORTS[name](params, { principal, tenant, now, queries: this.queries, db: this.db });
    const checkpoint = await this.auditLog.checkpoint(principal.tenantId);
    const author = userPrincipalNames(this.db, principal.tenantId, [principal.userId]).get(principal.userId);
    const cover: ReportCover = {
      tenant: `${tenant.name} (${tenant.domains.join(', ')})`,
      generatedAt: now.toISOString(),
      generatedBy: author ? `${author} (user:${principal.userId})` : `user:${principal.userId}`,
      checkpoint: { origin: this.auditLog.origin(principal.tenantId), size: checkpoint.size, rootHash: checkpoint.rootHash.toString('base64') },
    };
    return { report, cover, fileBase: `keyward-${name}-${now.toISOString().slice(0, 10)}` };
  }

  /** Writes the report to `out` in the format; resolves once it is all written. */
  async write(prepared: PreparedReport, format: ReportFormat, out: Writable): Promise<void> {
    if (format === 'pdf') return writeReportPdf(prepared.report, prepared.cover, out);
    const csv = stringify({ header: true, columns: [...prepared.report.columns] });
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('close', resolve);
      out.on('error', reject);
    });
    csv.pipe(out);
    for await (const batch of prepared.report.rows()) {
      for (const row of batch) if (!csv.write(row.map((cell) => spreadsheetSafe(cell)))) await once(csv, 'drain');
    }
    csv.end();
    await finished;
  }

  /** The whole report as one file (a scheduled report's attachment). */
  async toFile(prepared: PreparedReport, format: ReportFormat): Promise<ReportFile> {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await this.write(prepared, format, sink);
    return { filename: `${prepared.fileBase}.${format}`, content: Buffer.concat(chunks), contentType: format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8' };
  }
}

/** A report format from a query parameter: csv (the default) or pdf. */
export function reportFormat(value: unknown): ReportFormat {
  if (value === undefined || value === 'csv') return 'csv';
  if (value === 'pdf') return 'pdf';
  throw badInput('format must be csv or pdf.');
}
