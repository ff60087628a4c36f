import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';
import { AppPasswordFilter } from '@keyward/app-passwords/api';
import type { AccessDecision } from '@keyward/compliance/domain';

export const AccessReviewStatusEnum = { OPEN: 'OPEN', COMPLETED: 'COMPLETED' } as const;
registerEnumType(AccessReviewStatusEnum, { name: 'AccessReviewStatus' });
export const AccessDecisionEnum = { KEEP: 'KEEP', REVOKE: 'REVOKE' } as const;
registerEnumType(AccessDecisionEnum, { name: 'AccessDecision', description: 'KEEP: still needed. REVOKE: revoked at once.' });
export const AccessReviewItemSelectionEnum = { ALL: 'ALL', UNDECIDED: 'UNDECIDED', MINE: 'MINE' } as const;
registerEnumType(AccessReviewItemSelectionEnum, { name: 'AccessReviewItemSelection', description: "ALL; UNDECIDED: still to decide; MINE: the reader's own app passwords." });

@InputType('StartAccessReviewInput')
export class StartAccessReviewInput {
  @Field() name!: string;
  @Field(() => AppPasswordFilter, { nullable: true, description: 'Which app passwords: every ACTIVE one it matches, fixed at the start. Default: every active one.' })
  filter?: AppPasswordFilter | null;
  @Field(() => DateTimeScalar, { description: 'When undecided items are settled and the review completes; within a year.' }) dueAt!: Date;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Revoke, as system:access-review, what is still undecided at dueAt.' })
  revokeUndecided?: boolean | null;
  @Field(() => [ID], { nullable: true, description: "Who decides. Default: the tenant's global admins." }) reviewerIds?: string[] | null;
  @Field(() => Int, {
    nullable: true,
    description: "Repeat: a review with the same name, filter, reviewers and duration starts this many days after this one (7 to 366, longer than it runs), drawn with the starter's rights. Default: once.",
  })
  recurEveryDays?: number | null;
}

@InputType('DecideAccessReviewItemInput')
export class DecideAccessReviewItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => AccessDecisionEnum) decision!: AccessDecision;
  @Field({ description: 'Why: required, 1 to 1,000 characters on one line.' }) justification!: string;
}

@InputType('AttestAccessReviewItemInput')
export class AttestAccessReviewItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => String, { nullable: true, description: 'What it is still used for (up to 500 characters).' }) note?: string | null;
}

@InputType('DecideAccessReviewItemsInput')
export class DecideAccessReviewItemsInput {
  @Field(() => [ID], { description: 'At most 500 items of one review.' }) itemIds!: string[];
  @Field(() => AccessDecisionEnum) decision!: AccessDecision;
  @Field() justification!: string;
}

@ObjectType('AccessReview', { description: 'A review of app passwords: items fixed at the start, one decision each, completed at dueAt.' })
export class AccessReviewModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => AccessReviewStatusEnum) status!: 'OPEN' | 'COMPLETED';
  @Field({ description: 'user:<id>' }) startedBy!: string;
  @Field(() => DateTimeScalar) startedAt!: string;
  @Field(() => DateTimeScalar) dueAt!: string;
  @Field() revokeUndecided!: boolean;
  @Field(() => [ID]) reviewerIds!: string[];
  @Field({ description: 'The filter as given, as JSON.' }) filter!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) kept!: number;
  @Field(() => Int) revoked!: number;
  @Field(() => Int) undecided!: number;
  @Field(() => DateTimeScalar, { nullable: true }) completedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days between its start and its successor’s; null when it runs once.' }) recurEveryDays!: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When its successor starts; null when it runs once, its series was stopped, or the successor started.' })
  nextStartsAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The review of its series it follows.' }) previousReviewId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The review of its series that followed it, once started.' }) nextReviewId!: string | null;
}

@ObjectType('AccessReviewItem', { description: 'One app password under review, as it stood when the review started, and its decision.' })
export class AccessReviewItemModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) reviewId!: string;
  @Field(() => ID) appPasswordId!: string;
  @Field(() => ID) userId!: string;
  @Field({ description: "The owner's principal name." }) userPrincipalName!: string;
  @Field() label!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) lastUsedAt!: string | null;
  @Field(() => Int, { description: 'Successful sign-ins in the 30 days before the review started.' }) usesLast30Days!: number;
  @Field(() => AccessDecisionEnum, { description: 'REVOKE when unused for 30 days (as Entra recommends), else KEEP.' }) recommendation!: AccessDecision;
  @Field(() => AccessDecisionEnum, { nullable: true }) decision!: AccessDecision | null;
  @Field(() => String, { nullable: true }) justification!: string | null;
  @Field(() => String, { nullable: true, description: 'user:<id> of the reviewer, or system:access-review.' }) decidedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) decidedAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the owner confirmed it is still needed.' }) attestedAt!: string | null;
  @Field(() => String, { nullable: true }) attestationNote!: string | null;
}
