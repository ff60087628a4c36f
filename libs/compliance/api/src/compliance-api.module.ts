import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplianceReadModelsModule } from '@keyward/compliance/read-models';
import { AppPasswordsReadModelsModule } from '@keyward/app-passwords/read-models';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver';
import { AppPasswordsCsvController } from './exports/app-passwords-csv.controller';
import { AuditLogModule } from '@keyward/compliance/audit-log';
import { AuditLogController } from './audit-log/audit-log.controller';
import { ComplianceApplicationModule } from '@keyward/compliance/application';
import { AccessReviewItemsResolver, AccessReviewsResolver } from './access-reviews/access-reviews.resolver';
import { ReportsController } from './reports/reports.controller';
import { NoticesResolver } from './notices/notices.resolver';
import { ReportSchedulesResolver } from './reports/report-schedules.resolver';
import { IdentityApplicationModule } from '@keyward/identity/application';

@Module({
  imports: [CqrsModule, ComplianceReadModelsModule, AppPasswordsReadModelsModule, AuditLogModule, ComplianceApplicationModule, IdentityApplicationModule],
  controllers: [AppPasswordsCsvController, AuditLogController, ReportsController],
  providers: [AuditTrailResolver, AccessReviewsResolver, AccessReviewItemsResolver, NoticesResolver, ReportSchedulesResolver],
})
export class ComplianceApiModule {}
