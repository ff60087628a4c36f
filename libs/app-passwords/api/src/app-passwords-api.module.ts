import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { AppPasswordsReadModelsModule } from '@keyward/app-passwords/read-models';
import { AppPasswordsResolver } from './graphql/app-passwords.resolver';
import { UsageResolver } from './graphql/usage.resolver';
import { VerifyController } from './verify/verify.controller';

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule, AppPasswordsReadModelsModule],
  controllers: [VerifyController],
  providers: [AppPasswordsResolver, UsageResolver],
})
export class AppPasswordsApiModule {}
