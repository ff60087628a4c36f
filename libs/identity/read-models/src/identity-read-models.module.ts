import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetTenantIdForDomainHandler, GetUserHandler, GetUsersHandler } from './user-list/user-list.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetUsersHandler, GetUserHandler, GetTenantIdForDomainHandler],
})
export class IdentityReadModelsModule {}
