import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsReadModelsModule } from '@keyward/app-passwords/read-models';
import { IncidentsApplicationModule } from '@keyward/incidents/application';
import { IncidentsReadModelsModule } from '@keyward/incidents/read-models';
import { LeakReportLimiter } from './leaks/leak-report.limiter';
import { LeakReportsController } from './leaks/leak-reports.controller';
import { LeakScanUploadController } from './leaks/leak-scan-upload.controller';
import { LeakScanViews } from './leaks/leak-scan.view';
import { LeakScansResolver } from './leaks/leak-scans.resolver';
import { AlertsResolver } from './alerts/alerts.resolver';
import { CaseOutcomesCsvController } from './revocation-cases/case-outcomes-csv.controller';
import { RevocationCasesResolver, RevocationOutcomesResolver } from './revocation-cases/revocation-cases.resolver';

@Module({
  imports: [CqrsModule, IncidentsApplicationModule, IncidentsReadModelsModule, AppPasswordsReadModelsModule],
  controllers: [CaseOutcomesCsvController, LeakScanUploadController, LeakReportsController],
  providers: [RevocationCasesResolver, RevocationOutcomesResolver, LeakScansResolver, LeakScanViews, LeakReportLimiter, AlertsResolver],
})
export class IncidentsApiModule {}
