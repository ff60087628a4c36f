import { inject, Injectable } from '@angular/core';
import { GraphQLClient, type ConnectionPage, type Gql } from '@keyward/console/shared/data-access';
import { reportParams, type ReportRequest } from './report-request';
import { CANCEL_REPORT_SCHEDULE, REPORT_SCHEDULES, SCHEDULE_REPORT } from './report-schedules.operations';

/** A report mailed weekly or monthly to named recipients: what, how, to whom, when next, and whether it still runs. */
export type ReportSchedule = Gql.ReportScheduleFieldsFragment;
/** WEEKLY: every 7 days from the first run; MONTHLY: the same day each month. */
export type ReportCadence = Gql.ReportCadence;
/** The format of a mailed report: PDF or CSV. */
export type ScheduledFormat = Gql.ReportFormat;
export const REPORT_CADENCES: readonly ReportCadence[] = ['WEEKLY', 'MONTHLY'];
export const SCHEDULED_FORMATS: readonly ScheduledFormat[] = ['PDF', 'CSV'];

/** What scheduling a report takes: the report as its inputs ask for it, how often, in which format, and to whom. */
export interface ScheduleInput {
  request: ReportRequest;
  cadence: ReportCadence;
  format: ScheduledFormat;
  /** 1 to 20 mail addresses in the tenant's domains (the server checks). */
  recipients: string[];
}

/** The report-schedule operations of the API, typed: the one place the console's schedule GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class ReportSchedulesApi {
  private readonly graphql = inject(GraphQLClient);

  /** The tenant's schedules, newest first (reports.read). */
  async list(first: number, after: string | null): Promise<ConnectionPage<ReportSchedule>> {
    return (await this.graphql.request(REPORT_SCHEDULES, { first, after })).reportSchedules;
  }

  /** Schedules the report with the parameters the preview and the downloads use; the first run is mailed at once (reports.schedule). */
  async schedule({ request, cadence, format, recipients }: ScheduleInput): Promise<ReportSchedule> {
    const input = { report: request.name, params: reportParams(request), cadence, format, recipients };
    return (await this.graphql.request(SCHEDULE_REPORT, { input })).scheduleReport;
  }

  /** Stops a schedule; what was mailed stays mailed. The schedule as it is now. */
  async cancel(id: string): Promise<ReportSchedule> {
    return (await this.graphql.request(CANCEL_REPORT_SCHEDULE, { id })).cancelReportSchedule;
  }
}
