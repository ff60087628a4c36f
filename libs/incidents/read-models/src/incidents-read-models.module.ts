import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAlertHandler, GetAlertsHandler } from './alerts/alerts.queries';
import { GetCaseOutcomesHandler, GetRevocationCaseHandler, GetRevocationCasesHandler } from './revocation-cases/revocation-cases.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetRevocationCaseHandler, GetRevocationCasesHandler, GetCaseOutcomesHandler, GetAlertHandler, GetAlertsHandler],
})
export class IncidentsReadModelsModule {}
