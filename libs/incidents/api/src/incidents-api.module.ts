import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsReadModelsModule } from '@keyward/app-passwords/read-models';
import { IncidentsApplicationModule } from '@keyward/incidents/application';
import { IncidentsReadModelsModule } from '@keyward/incidents/read-models';
import { AlertsResolver } from './alerts/alerts.resolver';
import { CaseOutcomesCsvController } from './revocation-cases/case-outcomes-csv.controller';
import { RevocationCasesResolver, RevocationOutcomesResolver } from './revocation-cases/revocation-cases.resolver';

@Module({
  imports: [CqrsModule, IncidentsApplicationModule, IncidentsReadModelsModule, AppPasswordsReadModelsModule],
  controllers: [CaseOutcomesCsvController],
  providers: [RevocationCasesResolver, RevocationOutcomesResolver, AlertsResolver],
})
export class IncidentsApiModule {}
