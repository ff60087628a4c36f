import { TestBed } from '@angular/core/testing';
import { ApiError, GraphQLClient } from '@keyward/console/shared/data-access';
import { reportScheduleErrorMessage } from './report-errors';
import { ReportSchedulesApi } from './report-schedules.api';
import { scheduleOf } from './testing/report-schedules-api.double';

/** A test double for GraphQL: records each operation with its variables, answers with `answer`. */
class RecordingGraphQL {
  readonly sent: { query: string; variables: unknown }[] = [];
  constructor(private readonly answer: unknown) {}
  async request(query: unknown, variables: unknown): Promise<unknown> {
    this.sent.push({ query: String(query), variables });
    return this.answer;
  }
}

function apiWith(answer: unknown) {
  const graphql = new RecordingGraphQL(answer);
  TestBed.configureTestingModule({ providers: [{ provide: GraphQLClient, useValue: graphql }] });
  return { api: TestBed.inject(ReportSchedulesApi), graphql };
}

describe('the report schedules of the API', () => {
  it('schedules a report with the parameters its preview uses, by the same names', async () => {
    const { api, graphql } = apiWith({ scheduleReport: scheduleOf() });
    const schedule = await api.schedule({ request: { name: 'dormant', days: 45 }, cadence: 'WEEKLY', format: 'CSV', recipients: ['audit@contoso.example'] });
    expect(schedule.id).toBe('sch-1');
    expect(graphql.sent[0].query).toMatch(/mutation ScheduleReport\(\$input: ScheduleReportInput!\)/);
    expect(graphql.sent[0].variables).toEqual({ input: { report: 'dormant', params: { days: 45 }, cadence: 'WEEKLY', format: 'CSV', recipients: ['audit@contoso.example'] } });
  });

  it('leaves parameters that are blank to the server’s defaults', async () => {
    const { api, graphql } = apiWith({ scheduleReport: scheduleOf() });
    await api.schedule({ request: { name: 'credential-changes', from: null, to: null }, cadence: 'MONTHLY', format: 'PDF', recipients: ['a@contoso.example'] });
    expect(graphql.sent[0].variables).toEqual({ input: { report: 'credential-changes', params: {}, cadence: 'MONTHLY', format: 'PDF', recipients: ['a@contoso.example'] } });
  });

  it('lists a page of schedules and cancels one by its id', async () => {
    const { api, graphql } = apiWith({ reportSchedules: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }, cancelReportSchedule: scheduleOf({ isActive: false }) });
    expect((await api.list(25, null)).totalCount).toBe(0);
    expect(graphql.sent[0].variables).toEqual({ first: 25, after: null });
    expect((await api.cancel('sch-1')).isActive).toBe(false);
    expect(graphql.sent[1]).toMatchObject({ query: expect.stringMatching(/cancelReportSchedule\(id: \$id\)/), variables: { id: 'sch-1' } });
  });
});

describe('a refused schedule in plain words', () => {
  it('keeps the server’s message for bad input, such as a recipient outside the tenant', () => {
    const message = "audit@fabrikam.example is outside the tenant's domains (contoso.example): reports are mailed within the organisation only.";
    expect(reportScheduleErrorMessage(new ApiError('BAD_USER_INPUT', message))).toBe(message);
    expect(reportScheduleErrorMessage(new ApiError('NOT_FOUND', 'No such report schedule.'))).toBe('No such report schedule.');
  });

  it('says what to do about a role without the permission, an ended session and a failure', () => {
    expect(reportScheduleErrorMessage(new ApiError('FORBIDDEN', 'Forbidden resource'))).toBe('Your role does not allow scheduling reports: global admins and auditors schedule them.');
    expect(reportScheduleErrorMessage(new ApiError('UNAUTHENTICATED', ''))).toBe('Your session has ended. Sign in again, then repeat this.');
    expect(reportScheduleErrorMessage(new ApiError('INTERNAL_SERVER_ERROR', 'boom'))).toBe('Keyward failed to do this. Try again; if it keeps failing, tell your administrator.');
    expect(reportScheduleErrorMessage(new Error('Something odd.'))).toBe('Something odd.');
  });
});
