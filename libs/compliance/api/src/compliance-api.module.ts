import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplianceReadModelsModule } from '@keyward/compliance/read-models';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver';

@Module({
  imports: [CqrsModule, ComplianceReadModelsModule],
  providers: [AuditTrailResolver],
})
export class ComplianceApiModule {}
