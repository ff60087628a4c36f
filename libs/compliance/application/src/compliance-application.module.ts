import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { IdentityApplicationModule } from '@keyward/identity/application';
import { AccessReviewDeadlines } from './access-reviews/access-review-deadlines.sweep';
import { AccessReviews } from './access-reviews/access-reviews.use-case';
import { Mailer } from './notices/mailer';
import { Notices } from './notices/notices.service';
import { NoticeReactor } from './notices/notice.reactor';
import { MailOutbox } from './notices/mail-outbox';
import { ReportRenderer } from './reports/report-renderer';
import { ReportSchedules } from './reports/report-schedules.use-case';
import { AuditLogModule } from '@keyward/compliance/audit-log';

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule, IdentityApplicationModule, AuditLogModule],
  providers: [AccessReviews, AccessReviewDeadlines, Mailer, Notices, NoticeReactor, MailOutbox, ReportRenderer, ReportSchedules],
  exports: [AccessReviews, AccessReviewDeadlines, Notices, MailOutbox, ReportRenderer, ReportSchedules],
})
export class ComplianceApplicationModule {}
