import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Permission, type PermissionScope, type Role } from '@keyward/identity/domain';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a console user may do.' });

export const PermissionScopeEnum = { TENANT: 'TENANT', OWN: 'OWN' } as const;
registerEnumType(PermissionScopeEnum, { name: 'PermissionScope', description: "TENANT: anything in the tenant; OWN: only the user's own." });

@ObjectType('Grant', { description: 'A permission a user holds, and over what (PERMISSIONS in the identity domain).' })
export class GrantModel {
  @Field(() => String, { description: 'The permission, e.g. appPasswords.revoke.' }) permission!: Permission;
  @Field(() => PermissionScopeEnum) scope!: PermissionScope;
}

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() userPrincipalName!: string;
  @Field() displayName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field() mfaRegistered!: boolean;
  @Field() isEnabled!: boolean;
  @Field(() => String, { nullable: true }) createdAt!: string | null;
}

@InputType()
export class CreateUserInput {
  @Field() userPrincipalName!: string;
  @Field() displayName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => Boolean, { nullable: true }) mfaRegistered?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Console password; users without one cannot sign in to the console.' })
  password?: string | null;
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the principal name or display name.' }) search?: string | null;
  @Field(() => RoleEnum, { nullable: true }) role?: Role | null;
  @Field(() => Boolean, { nullable: true }) isEnabled?: boolean | null;
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID) userId!: string;
  @Field({ description: '12 to 256 characters.' }) password!: string;
}

@InputType('EraseUserDataInput')
export class EraseUserDataInput {
  @Field(() => ID) userId!: string;
  @Field({ description: 'Why (a ticket, an Article 17 request): recorded.' }) reason!: string;
}
