import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetCaseOutcomesHandler, GetRevocationCaseHandler, GetRevocationCasesHandler } from './revocation-cases/revocation-cases.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetRevocationCaseHandler, GetRevocationCasesHandler, GetCaseOutcomesHandler],
})
export class IncidentsReadModelsModule {}
