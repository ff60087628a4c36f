import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, ResolveField, Parent, Resolver, registerEnumType } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { badInput, notFound, type CommandContext } from '@keyward/shared/domain';
import { decodeCursor, encodeCursor, type ReadModelDatabase } from '@keyward/shared/read-models';
import { CLOCK, Connection, DateTimeScalar, JsonScalar, pageSize, READ_MODEL_DB, readModelsSettled, SubscriberHost, toConnection, type Clock } from '@keyward/shared/server';
import { authorizeTenantWide, type UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, Requires } from '@keyward/identity/api';
import { nextRunAt, type ReportCadence, type ScheduledFormat } from '@keyward/compliance/domain';
import { ReportSchedules } from '@keyward/compliance/application';
import { reportScheduleOf, reportSchedulesOf, type ReportScheduleView } from '@keyward/compliance/read-models';

export const ReportCadenceEnum = { WEEKLY: 'WEEKLY', MONTHLY: 'MONTHLY' } as const;
registerEnumType(ReportCadenceEnum, { name: 'ReportCadence', description: 'WEEKLY: every 7 days from the first run; MONTHLY: the same day each month.' });
export const ReportFormatEnum = { CSV: 'CSV', PDF: 'PDF' } as const;
registerEnumType(ReportFormatEnum, { name: 'ReportFormat' });

@InputType('ScheduleReportInput')
export class ScheduleReportInput {
  @Field({ description: 'A report of GET /reports/<name>: inventory, dormant, survived-reset, credential-changes, policy-exceptions, sign-ins-by-protocol, access-review.' })
  report!: string;
  @Field(() => JsonScalar, { nullable: true, description: 'Its parameters, as for GET /reports/<name> (for example {"days": 45}).' }) params?: Record<string, unknown> | null;
  @Field(() => ReportFormatEnum, { defaultValue: 'PDF' }) format!: 'CSV' | 'PDF';
  @Field(() => ReportCadenceEnum) cadence!: ReportCadence;
  @Field(() => [String], { description: "1 to 20 mail addresses in the tenant's domains." }) recipients!: string[];
}

@ObjectType('ReportSchedule', { description: 'A report mailed weekly or monthly to named recipients; each run is drawn with its owner’s rights then.' })
export class ReportScheduleModel {
  @Field(() => ID) id!: string;
  @Field() report!: string;
  @Field(() => JsonScalar) params!: Record<string, string>;
  @Field(() => ReportFormatEnum) format!: 'CSV' | 'PDF';
  @Field(() => ReportCadenceEnum) cadence!: ReportCadence;
  @Field(() => [String]) recipients!: string[];
  @Field(() => ID, { description: 'Who scheduled it: each run is drawn with their rights.' }) ownerId!: string;
  @Field(() => DateTimeScalar) firstRunAt!: string;
  @Field() isActive!: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) cancelledAt!: string | null;
}

const ReportScheduleConnection = Connection(ReportScheduleModel, 'ReportSchedule');

function toModel(view: ReportScheduleView): ReportScheduleModel {
  return { ...view, format: view.format.toUpperCase() as 'CSV' | 'PDF', isActive: view.status === 'ACTIVE' };
}

@Resolver(() => ReportScheduleModel)
export class ReportSchedulesResolver {
  constructor(
    private readonly schedules: ReportSchedules,
    private readonly subscribers: SubscriberHost,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => ReportScheduleModel, { description: 'Mails a report weekly or monthly (the first now) to named recipients within the organisation.' })
  @Requires('reports.schedule')
  async scheduleReport(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('input') input: ScheduleReportInput): Promise<ReportScheduleModel> {
    const format = input.format.toLowerCase() as ScheduledFormat;
    const id = await this.schedules.schedule(principal, { report: input.report, params: input.params ?? {}, format, cadence: input.cadence, recipients: input.recipients }, context);
    return this.read(principal, id);
  }

  @Mutation(() => ReportScheduleModel, { description: 'Stops a schedule; mail already sent stays sent.' })
  @Requires('reports.schedule')
  async cancelReportSchedule(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('id', { type: () => ID }) id: string): Promise<ReportScheduleModel> {
    await this.schedules.cancel(principal, id, context);
    return this.read(principal, id);
  }

  @Query(() => ReportScheduleConnection, { description: "The tenant's report schedules, newest first." })
  @Requires('reports.read')
  reportSchedules(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    authorizeTenantWide(principal, 'reports.read');
    let cursor: { firstRunAt: string; id: string } | null = null;
    if (after) {
      const keys = decodeCursor(after, ['string', 'string']);
      if (!keys) throw badInput('The cursor is not valid.');
      cursor = { firstRunAt: keys[0] as string, id: keys[1] as string };
    }
    const size = pageSize(first);
    const { rows, totalCount } = reportSchedulesOf(this.db, principal.tenantId, size + 1, cursor);
    return toConnection({ items: rows.slice(0, size).map((view) => ({ item: toModel(view), cursor: encodeCursor([view.firstRunAt, view.id]) })), hasNextPage: rows.length > size, totalCount });
  }

  @ResolveField(() => DateTimeScalar, { nullable: true, description: 'When it is next mailed (none once cancelled).' })
  nextRunAt(@Parent() schedule: ReportScheduleModel): string | null {
    return schedule.isActive ? nextRunAt(schedule.firstRunAt, schedule.cadence, this.clock.now()).toISOString() : null;
  }

  private async read(principal: UserPrincipal, id: string): Promise<ReportScheduleModel> {
    await readModelsSettled(this.subscribers);
    const view = reportScheduleOf(this.db, principal.tenantId, id);
    if (!view) throw notFound('No such report schedule.');
    return toModel(view);
  }
}
