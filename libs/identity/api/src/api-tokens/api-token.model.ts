import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ApiTokenStatus, Role } from '@keyward/identity/domain';
import { RoleEnum } from '../users/user.model';

export const ApiTokenStatusEnum = { ACTIVE: 'ACTIVE', REVOKED: 'REVOKED', EXPIRED: 'EXPIRED' } as const;
registerEnumType(ApiTokenStatusEnum, { name: 'ApiTokenStatus' });

@ObjectType('ApiToken', { description: 'A token for `Authorization: Bearer`: it acts as its creator with one of their roles. Never the token itself.' })
export class ApiTokenModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => RoleEnum, { description: 'The role it acts with, while its creator holds it.' }) role!: Role;
  @Field(() => ID, { description: 'Its creator, whom it acts as.' }) userId!: string;
  @Field(() => ApiTokenStatusEnum) status!: ApiTokenStatus;
  @Field() createdAt!: string;
  @Field() expiresAt!: string;
  @Field(() => String, { nullable: true, description: 'Written at most once an hour.' }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Who revoked it: `user:<id>` or `token:<id>`.' }) revokedBy!: string | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenModel {
  @Field(() => ApiTokenModel) apiToken!: ApiTokenModel;
  @Field({ description: 'The token (`kwt_…`): shown this once, stored only as a hash.' }) token!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field({ description: '1 to 100 characters: what it is for.' }) name!: string;
  @Field(() => RoleEnum, { description: 'One of your roles.' }) role!: Role;
  @Field(() => Int, { nullable: true, description: '1 to 365; 90 when left out.' }) expiresInDays?: number | null;
}
