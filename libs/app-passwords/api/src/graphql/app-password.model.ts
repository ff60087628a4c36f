import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';
import type { AppPasswordScope } from '@keyward/identity/domain';
import { AppPasswordScopeEnum } from '@keyward/identity/api';
import type { AppPasswordStatus } from '@keyward/app-passwords/domain';
import { APP_PASSWORD_SORT_FIELDS, type AppPasswordSortField } from '@keyward/app-passwords/read-models';

export const AppPasswordStatusEnum = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED' } as const;
registerEnumType(AppPasswordStatusEnum, { name: 'AppPasswordStatus' });

@ObjectType('AppPassword', { description: 'An app password. Neither its secret nor its hash is ever readable.' })
export class AppPasswordModel {
  @Field(() => ID, { description: 'Also the key id inside the password itself.' }) id!: string;
  userId!: string;
  @Field() label!: string;
  @Field(() => AppPasswordStatusEnum) status!: AppPasswordStatus;
  @Field(() => [AppPasswordScopeEnum]) scopes!: AppPasswordScope[];
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field({ description: 'Who generated it: user:<id>.' }) createdBy!: string;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true }) lastUsedIp!: string | null;
  @Field(() => String, { nullable: true }) lastUsedProtocol!: string | null;
  @Field(() => String, { nullable: true }) lastUsedClient!: string | null;
  @Field(() => Int) useCount!: number;
}

@ObjectType('GeneratedAppPassword')
export class GeneratedAppPasswordModel {
  @Field(() => AppPasswordModel) appPassword!: AppPasswordModel;
  @Field({ description: 'The password, in groups of four. Shown this once: it is not stored and cannot be read again.' })
  secret!: string;
  @Field(() => String, {
    nullable: true,
    description: "A link to an Apple configuration profile (.mobileconfig) that sets up Mail with this app password: it works once, within 10 minutes. Null where Keyward knows no incoming mail server (KEYWARD_MAIL_IMAP or KEYWARD_MAIL_POP), or for another user's app password.",
  })
  appleProfileUrl!: string | null;
}

@InputType()
export class GenerateAppPasswordInput {
  @Field(() => ID) userId!: string;
  @Field() label!: string;
  @Field(() => [AppPasswordScopeEnum], { nullable: true, description: 'Default: every scope the policy allows.' })
  scopes?: AppPasswordScope[] | null;
  @Field(() => Int, { nullable: true, description: "Default: the policy's maximum lifetime." }) expiresInDays?: number | null;
}

@InputType()
export class RevokeAppPasswordInput {
  @Field(() => ID) id!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) incidentRef?: string | null;
}

@InputType()
export class RenameAppPasswordInput {
  @Field(() => ID) id!: string;
  @Field() label!: string;
}

@InputType()
export class AppPasswordFilter {
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => AppPasswordStatusEnum, { nullable: true }) status?: AppPasswordStatus | null;
  @Field(() => String, { nullable: true, description: 'Part of the label or of the owner’s principal name.' }) search?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, inclusive.' }) createdAfter?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, exclusive.' }) createdBefore?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, inclusive.' }) lastUsedAfter?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, exclusive.' }) lastUsedBefore?: string | null;
  @Field(() => Boolean, { nullable: true }) isNeverUsed?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the label.' }) label?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the owner’s principal name.' }) user?: string | null;
  @Field(() => AppPasswordScopeEnum, { nullable: true, description: 'Used at least once over this protocol.' }) protocol?: AppPasswordScope | null;
  @Field(() => Int, { nullable: true, description: 'Active and expiring within this many days.' }) expiresWithinDays?: number | null;
  @Field(() => Int, { nullable: true, description: 'Active, and neither used nor created in this many days.' }) unusedForDays?: number | null;
  @Field(() => [ID], { nullable: true, description: 'Only these app passwords (at most 1,000).' }) ids?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Only these users' app passwords (at most 1,000)." }) userIds?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Tried at least once from this IP address or CIDR block (IPv4 or IPv6), within usedAfter/usedBefore when given.',
  })
  usedFromAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, inclusive: with usedFromAddress.' }) usedAfter?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, exclusive: with usedFromAddress.' }) usedBefore?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Created before the owner's last password reset (true), or not (false)." })
  survivedPasswordReset?: boolean | null;
}

export const AppPasswordSortFieldEnum = Object.fromEntries(APP_PASSWORD_SORT_FIELDS.map((f) => [f, f])) as { [K in AppPasswordSortField]: K };
registerEnumType(AppPasswordSortFieldEnum, { name: 'AppPasswordSortField' });
export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType()
export class AppPasswordSort {
  @Field(() => AppPasswordSortFieldEnum) field!: AppPasswordSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'DESC' }) direction!: 'ASC' | 'DESC';
}

@InputType()
export class RevokeUserAppPasswordsInput {
  @Field(() => ID) userId!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) incidentRef?: string | null;
}
