import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { APP_PASSWORD_SCOPES, type AppPasswordScope, type Role } from '@keyward/identity/domain';
import { RoleEnum } from '../users/user.model';

export const AppPasswordScopeEnum = Object.fromEntries(APP_PASSWORD_SCOPES.map((s) => [s, s])) as { [K in AppPasswordScope]: K };
registerEnumType(AppPasswordScopeEnum, { name: 'AppPasswordScope', description: 'Where an app password may be used.' });

@ObjectType('TenantPolicy', { description: "The tenant's rules for app passwords." })
export class TenantPolicyModel {
  @Field(() => Int, { description: 'Most active app passwords one user may hold.' }) maxActivePerUser!: number;
  @Field(() => Int, { description: 'Longest lifetime of an app password, in days.' }) maxLifetimeDays!: number;
  @Field(() => Int, { nullable: true, description: 'Unused app passwords are revoked after this many days; null: never.' })
  idleRevocationDays!: number | null;
  @Field(() => [AppPasswordScopeEnum]) allowedScopes!: AppPasswordScope[];
  @Field({ description: 'Whether a user must have registered MFA to hold an app password.' }) isMfaRequired!: boolean;
  @Field({ description: "Whether a password reset revokes all of the user's app passwords." }) revokesOnPasswordReset!: boolean;
  @Field({ description: "Whether disabling a user revokes all of the user's app passwords." }) revokesOnDisable!: boolean;
  @Field(() => Int, { description: 'Longest lifetime of an API token, in days (1 to 365).' }) maxApiTokenDays!: number;
  @Field({ description: 'Whether console users may sign in with a password; false: only with single sign-on.' }) isPasswordSignInAllowed!: boolean;
  @Field(() => [RoleEnum], { description: 'Console roles whose holders must sign in with a second factor (TOTP or a passkey).' }) consoleMfaRoles!: Role[];
  @Field(() => Int, { description: 'Days from a user\'s creation during which the password alone still signs them in, to enrol (0 to 90).' }) mfaGraceDays!: number;
}

@InputType()
export class TenantPolicyInput {
  @Field(() => Int) maxActivePerUser!: number;
  @Field(() => Int) maxLifetimeDays!: number;
  @Field(() => Int, { nullable: true }) idleRevocationDays!: number | null;
  @Field(() => [AppPasswordScopeEnum]) allowedScopes!: AppPasswordScope[];
  @Field() isMfaRequired!: boolean;
  @Field() revokesOnPasswordReset!: boolean;
  @Field() revokesOnDisable!: boolean;
  @Field(() => Int, { nullable: true, description: 'Left out: unchanged.' }) maxApiTokenDays?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Left out: unchanged. Turning it off needs a session that single sign-on opened (POLICY_VIOLATION otherwise), so that it is known to work.',
  })
  isPasswordSignInAllowed?: boolean | null;
  @Field(() => [RoleEnum], { nullable: true, description: 'Left out: unchanged.' }) consoleMfaRoles?: Role[] | null;
  @Field(() => Int, { nullable: true, description: 'Left out: unchanged.' }) mfaGraceDays?: number | null;
}
