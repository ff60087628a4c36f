import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAppPasswordHandler, GetAppPasswordsHandler } from './app-password-list/app-password-list.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetAppPasswordsHandler, GetAppPasswordHandler],
})
export class AppPasswordsReadModelsModule {}
