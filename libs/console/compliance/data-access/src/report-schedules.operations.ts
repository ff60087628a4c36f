import { graphql } from '@keyward/console/shared/data-access';

/** The report-schedule GraphQL of the console: `reportSchedules`, `scheduleReport`, `cancelReportSchedule`. */

graphql(`
  fragment ReportScheduleFields on ReportSchedule {
    id report params format cadence recipients ownerId firstRunAt isActive cancelledAt nextRunAt
  }
`);

export const REPORT_SCHEDULES = graphql(`
  query ReportSchedules($first: Int, $after: String) {
    reportSchedules(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...ReportScheduleFields } } }
  }
`);

export const SCHEDULE_REPORT = graphql(`
  mutation ScheduleReport($input: ScheduleReportInput!) { scheduleReport(input: $input) { ...ReportScheduleFields } }
`);

export const CANCEL_REPORT_SCHEDULE = graphql(`
  mutation CancelReportSchedule($id: ID!) { cancelReportSchedule(id: $id) { ...ReportScheduleFields } }
`);
