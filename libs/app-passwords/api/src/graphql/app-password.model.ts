import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';
import { APP_PASSWORD_SCOPES, type AppPasswordScope } from '@keyward/identity/domain';
import type { AppPasswordStatus } from '@keyward/app-passwords/domain';

export const AppPasswordStatusEnum = { ACTIVE: 'ACTIVE', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED' } as const;
registerEnumType(AppPasswordStatusEnum, { name: 'AppPasswordStatus' });
export const AppPasswordScopeEnum = Object.fromEntries(APP_PASSWORD_SCOPES.map((s) => [s, s])) as { [K in AppPasswordScope]: K };
registerEnumType(AppPasswordScopeEnum, { name: 'AppPasswordScope', description: 'Where an app password may be used.' });

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
}
