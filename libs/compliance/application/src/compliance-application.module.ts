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

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule, IdentityApplicationModule],
  providers: [AccessReviews, AccessReviewDeadlines, Mailer, Notices, NoticeReactor, MailOutbox],
  exports: [AccessReviews, AccessReviewDeadlines, Notices, MailOutbox],
})
export class ComplianceApplicationModule {}
