import type { QueryBus } from '@nestjs/cqrs';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import type { ActiveTenant, UserPrincipal } from '@keyward/identity/domain';

/** A cell of a report's table: written as is to CSV (made spreadsheet-safe) and to PDF. */
export type Cell = string | number | null;

/** A bar chart of a report's first page: a few labelled counts. */
export interface Chart {
  readonly title: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

/** What every report is drawn from and for. */
export interface ReportContext {
  readonly principal: UserPrincipal;
  readonly tenant: ActiveTenant;
  readonly now: Date;
  readonly queries: QueryBus;
  readonly db: ReadModelDatabase;
}

/** A report, ready to render: its table is read a page at a time, so memory stays flat for any size. */
export interface Report {
  readonly title: string;
  /** The period or moment it covers, in words. */
  readonly period: string;
  /** What the reader should know to read it (the standard it answers, what counts). */
  readonly notes: readonly string[];
  readonly charts: readonly Chart[];
  readonly columns: readonly string[];
  /** How many rows the table has, when known before reading it. */
  readonly total: number | null;
  rows(): AsyncGenerator<Cell[][]>;
}

/** A report by name: checks its parameters (BAD_USER_INPUT, before anything is sent), then builds it. */
export type ReportDefinition = (params: Record<string, unknown>, context: ReportContext) => Promise<Report>;
