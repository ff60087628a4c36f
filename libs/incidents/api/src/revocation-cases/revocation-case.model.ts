import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';
import { AppPasswordFilter } from '@keyward/app-passwords/api';
import type { CaseAction, CaseOutcome } from '@keyward/incidents/domain';

export const CaseStatusEnum = { DRY_RUN: 'DRY_RUN', RUNNING: 'RUNNING', COMPLETED: 'COMPLETED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(CaseStatusEnum, { name: 'RevocationCaseStatus' });
export const CaseActionEnum = { REVOKE: 'REVOKE', SUSPEND: 'SUSPEND' } as const;
registerEnumType(CaseActionEnum, { name: 'RevocationCaseAction', description: 'What the case does to each credential: revoke it (final) or suspend it (reversible).' });
export const CaseOutcomeEnum = { REVOKED: 'REVOKED', SUSPENDED: 'SUSPENDED', ALREADY_REVOKED: 'ALREADY_REVOKED', FAILED: 'FAILED' } as const;
registerEnumType(CaseOutcomeEnum, {
  name: 'RevocationOutcomeKind',
  description: 'REVOKED (or SUSPENDED, in a suspension case) by this case; ALREADY_REVOKED: no longer active when its turn came; FAILED, with a detail.',
});
export const ReinstatementStatusEnum = { REQUESTED: 'REQUESTED', DONE: 'DONE' } as const;
registerEnumType(ReinstatementStatusEnum, { name: 'ReinstatementStatus' });

@InputType('BulkRevokeInput')
export class BulkRevokeInput {
  @Field(() => AppPasswordFilter, { description: 'Only ACTIVE app passwords match, whatever the filter says about status.' }) filter!: AppPasswordFilter;
  @Field() reason!: string;
  @Field({ description: 'The incident this is part of: a ticket number, say.' }) incidentRef!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Preview only: record the case as DRY_RUN and change nothing.' }) dryRun?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'The count the preview showed; if the filter now matches another, CONFLICT and nothing changes.' })
  expectedMatched?: number | null;
}

@InputType('ReinstateAppPasswordsInput')
export class ReinstateAppPasswordsInput {
  @Field(() => ID) caseId!: string;
  @Field() reason!: string;
}

@ObjectType('CaseReinstatement')
export class CaseReinstatementModel {
  @Field(() => ReinstatementStatusEnum) status!: 'REQUESTED' | 'DONE';
  @Field() reason!: string;
  @Field(() => Int, { nullable: true }) reinstated!: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) reinstatedAt!: string | null;
}

@ObjectType('RevocationCase', { description: 'A bulk revocation (or suspension) of the app passwords a filter matched, with one outcome per credential.' })
export class RevocationCaseModel {
  @Field(() => ID) id!: string;
  @Field(() => CaseActionEnum) action!: CaseAction;
  @Field(() => CaseStatusEnum) status!: 'DRY_RUN' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  @Field() reason!: string;
  @Field() incidentRef!: string;
  @Field({ description: 'Who asked: user:<id>, or system:<process>.' }) requestedBy!: string;
  @Field(() => DateTimeScalar) requestedAt!: string;
  @Field({ description: 'The filter as given, as JSON.' }) filter!: string;
  @Field(() => Int, { description: 'Active app passwords the filter matched: the credential set, fixed at the request.' }) matched!: number;
  @Field(() => Int, { description: 'Taken out of service by this case (revoked, or suspended in a suspension case).' }) revoked!: number;
  @Field(() => Int) alreadyRevoked!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int, { description: 'Matched credentials used in the 24 hours before the request: what the case breaks.' }) recentlyUsed!: number;
  @Field(() => Int) usersAffected!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it completed or was cancelled.' }) finishedAt!: string | null;
  @Field(() => String, { nullable: true }) cancelledBy!: string | null;
  @Field(() => CaseReinstatementModel, { nullable: true }) reinstatement!: CaseReinstatementModel | null;
  sample!: string[];
}

@ObjectType('RevocationOutcome')
export class RevocationOutcomeModel {
  @Field(() => ID) appPasswordId!: string;
  @Field(() => CaseOutcomeEnum) outcome!: CaseOutcome;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  userId!: string | null;
}
