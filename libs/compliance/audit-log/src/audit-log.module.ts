import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';

/** The tenants' transparency logs: one provider, started and stopped with the application. */
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditLogModule {}
