import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { badInput, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import type { ReadModelDatabase } from '@keyward/shared/read-models';
import { ID_GENERATOR, READ_MODEL_DB, type IdGenerator } from '@keyward/shared/server';
import { actorOf, authorizeFound, authorizeTenantWide, type UserPrincipal } from '@keyward/identity/domain';
import { Directory } from '@keyward/identity/application';
import { reportScheduleDecider, reportScheduleStreamId, type ReportCadence, type ReportSchedule, type ScheduledFormat } from '@keyward/compliance/domain';
import { REPORTS } from './report-definitions';
import { isReportName } from './report-renderer';

export interface ReportScheduleRequest {
  readonly report: string;
  readonly params: Record<string, unknown>;
  readonly format: ScheduledFormat;
  readonly cadence: ReportCadence;
  readonly recipients: readonly string[];
}

/**
 * Schedules reports to be mailed weekly or monthly to named recipients within the tenant's
 * domains, and cancels schedules. The report's name and parameters are checked when it is
 * scheduled, by building it once; each run (MailOutbox) draws it again with its owner's rights.
 */
@Injectable()
export class ReportSchedules {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    private readonly queries: QueryBus,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async schedule(principal: UserPrincipal, request: ReportScheduleRequest, context: CommandContext): Promise<string> {
    authorizeTenantWide(principal, 'reports.schedule');
    if (!isReportName(request.report)) throw badInput(`No report named ${JSON.stringify(request.report.slice(0, 60))}. Reports: ${Object.keys(REPORTS).join(', ')}.`);
    const params = stringParams(request.params);
    const tenant = await this.directory.tenantOf(principal);
    // Building it once checks its parameters, as its runs will read them.
    await REPORTS[request.report](params, { principal, tenant, now: context.now, queries: this.queries, db: this.db });
    const scheduleId = this.ids.newId();
    await this.aggregates.handle(
      reportScheduleStreamId(scheduleId),
      reportScheduleDecider,
      {
        type: 'ScheduleReport',
        data: { scheduleId, tenantId: principal.tenantId, report: request.report, params, format: request.format, cadence: request.cadence, ownerId: principal.userId, recipients: request.recipients, tenantDomains: tenant.domains, now: context.now },
      },
      context,
    );
    return scheduleId;
  }

  async cancel(principal: UserPrincipal, scheduleId: string, context: CommandContext): Promise<void> {
    const authorized = (state: ReportSchedule) => {
      authorizeFound(principal, 'reports.schedule', state.status === 'none' ? null : { tenantId: state.tenantId }, 'No such report schedule.');
      return { type: 'CancelReportSchedule' as const, data: { cancelledBy: actorOf(principal) } };
    };
    await this.aggregates.handle(reportScheduleStreamId(scheduleId), reportScheduleDecider, authorized, context);
  }
}

/** A report's parameters as the schedule keeps them: names to text values, at most 10. */
function stringParams(params: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(params ?? {});
  if (entries.length > 10) throw badInput('A report takes at most 10 parameters.');
  const result: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!/^[a-zA-Z]{1,20}$/.test(name) || !['string', 'number'].includes(typeof value) || String(value).length > 100) throw badInput(`Parameter ${JSON.stringify(name.slice(0, 20))} must be a name with a short text or number value.`);
    result[name] = String(value);
  }
  return result;
}
