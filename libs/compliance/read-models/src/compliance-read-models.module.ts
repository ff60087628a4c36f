import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAuditEventsHandler } from './audit-trail/audit-trail.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetAuditEventsHandler],
})
export class ComplianceReadModelsModule {}
