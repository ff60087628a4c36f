import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { IdentityApplicationModule } from '@keyward/identity/application';
import { AccessReviewDeadlines } from './access-reviews/access-review-deadlines.sweep';
import { AccessReviews } from './access-reviews/access-reviews.use-case';

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule, IdentityApplicationModule],
  providers: [AccessReviews, AccessReviewDeadlines],
  exports: [AccessReviews, AccessReviewDeadlines],
})
export class ComplianceApplicationModule {}
