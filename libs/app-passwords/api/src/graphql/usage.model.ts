import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';

export const SignInOutcomeEnum = { USED: 'USED', REJECTED: 'REJECTED' } as const;
registerEnumType(SignInOutcomeEnum, { name: 'SignInOutcome' });

@ObjectType('SignInAttempt', { description: 'One sign-in attempt through a gateway: a use, or a rejection with its reason.' })
export class SignInAttemptModel {
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field(() => SignInOutcomeEnum) outcome!: 'USED' | 'REJECTED';
  @Field(() => String, { nullable: true, description: 'Why it was rejected: TYPO, WRONG_SECRET, REVOKED, EXPIRED, SCOPE_NOT_ALLOWED, USER_DISABLED, UNKNOWN_CREDENTIAL, MALFORMED_PASSWORD, PRIMARY_PASSWORD_USED…' })
  reason!: string | null;
  @Field(() => String, { nullable: true }) appPasswordId!: string | null;
  @Field(() => String, { nullable: true }) protocol!: string | null;
  @Field(() => String, { nullable: true }) sourceIp!: string | null;
  @Field(() => String, { nullable: true }) client!: string | null;
}

@ObjectType('SourceAddress', { description: 'An address a credential was tried from.' })
export class SourceAddressModel {
  @Field() sourceIp!: string;
  @Field(() => DateTimeScalar) firstSeen!: string;
  @Field(() => DateTimeScalar) lastSeen!: string;
  @Field(() => Int) uses!: number;
  @Field(() => Int) rejections!: number;
}

@ObjectType('DailyUsage')
export class DailyUsageModel {
  @Field({ description: 'UTC day, YYYY-MM-DD.' }) day!: string;
  @Field(() => Int) uses!: number;
  @Field(() => Int) rejections!: number;
}

@ObjectType('CredentialUsage')
export class CredentialUsageModel {
  @Field(() => [SourceAddressModel], { description: 'Most recently seen first, at most 200.' }) addresses!: SourceAddressModel[];
  @Field(() => [DailyUsageModel], { description: 'One entry per day, oldest first.' }) perDay!: DailyUsageModel[];
}

@ObjectType('DashboardCounts')
export class DashboardCountsModel {
  @Field(() => Int) active!: number;
  @Field(() => Int, { description: 'Active and expiring within 14 days.' }) expiringSoon!: number;
  @Field(() => Int, { description: 'Active, and neither used nor created in the last 30 days.' }) unused30Days!: number;
  @Field(() => Int, { description: 'Active and never used.' }) neverUsed!: number;
  @Field(() => Int, { description: 'Revoked in the last 7 days.' }) revokedThisWeek!: number;
  @Field(() => Int, { description: 'Rejected sign-ins in the last 24 hours, including those that matched no credential.' })
  rejectedLast24Hours!: number;
}

@ObjectType('DailyBreakdown')
export class DailyBreakdownModel {
  @Field() day!: string;
  @Field({ description: 'A protocol for sign-ins, a reason for rejections.' }) key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('DailyCount')
export class DailyCountModel {
  @Field() day!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('Dashboard')
export class DashboardModel {
  @Field(() => DashboardCountsModel) counts!: DashboardCountsModel;
  @Field(() => [DailyBreakdownModel], { description: 'Successful sign-ins per day and protocol, last 30 days.' }) signInsPerDay!: DailyBreakdownModel[];
  @Field(() => [DailyBreakdownModel], { description: 'Rejected sign-ins per day and reason, last 30 days.' }) rejectionsPerDay!: DailyBreakdownModel[];
  @Field(() => [DailyCountModel], { description: 'Active app passwords at the end of each of the last 30 days.' }) activePerDay!: DailyCountModel[];
}
