import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetApiTokenActorHandler, GetApiTokenHandler, GetApiTokensHandler } from './api-token-list/api-token-list.queries';
import { GetDirectoryUserHandler, GetDirectoryUsersHandler, GetRoleHoldersHandler, IsTenantProvisionedHandler } from './user-list/directory-users.queries';
import { GetTenantIdForDomainHandler, GetUserHandler, GetUsersHandler } from './user-list/user-list.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetUsersHandler, GetUserHandler, GetTenantIdForDomainHandler, GetApiTokensHandler, GetApiTokenHandler, GetApiTokenActorHandler, GetDirectoryUsersHandler, GetDirectoryUserHandler, GetRoleHoldersHandler, IsTenantProvisionedHandler],
})
export class IdentityReadModelsModule {}
