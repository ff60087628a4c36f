import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { IdentityApiModule } from '@keyward/identity/api';
import { AppPasswordsReadModelsModule } from '@keyward/app-passwords/read-models';
import { AppPasswordsResolver } from './graphql/app-passwords.resolver';
import { UsageResolver } from './graphql/usage.resolver';
import { VerifyHandler } from './verify/verify.handler';

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule, AppPasswordsReadModelsModule, IdentityApiModule],
  providers: [AppPasswordsResolver, UsageResolver, VerifyHandler],
  exports: [VerifyHandler],
})
export class AppPasswordsApiModule {}
