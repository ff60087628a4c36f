import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { LeakReports } from './leaks/leak-reports.queue';
import { LeakScans } from './leaks/leak-scans.use-case';
import { ProvenLeaks } from './leaks/proven-leaks';
import { AlertDetection } from './alerts/alert-detection.reaction';
import { Alerts } from './alerts/alerts.use-case';
import { AlertWebhook } from './alerts/webhook/alert-webhook.reaction';
import { RevocationCaseRunner } from './revocation-cases/revocation-case.runner';
import { RevocationCases } from './revocation-cases/revocation-cases.use-case';

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule],
  providers: [RevocationCases, RevocationCaseRunner, ProvenLeaks, LeakScans, LeakReports, Alerts, AlertDetection, AlertWebhook],
  exports: [RevocationCases, LeakScans, LeakReports, Alerts],
})
export class IncidentsApplicationModule {}
