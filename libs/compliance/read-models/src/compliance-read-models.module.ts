import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAuditEventsHandler } from './audit-trail/audit-trail.queries';
import { GetNoticesHandler } from './notices/notices.queries';
import { GetAccessReviewHandler, GetAccessReviewItemHandler, GetAccessReviewItemsHandler, GetAccessReviewsHandler } from './access-reviews/access-reviews.queries';

@Module({
  imports: [CqrsModule],
  providers: [GetAuditEventsHandler, GetAccessReviewHandler, GetAccessReviewsHandler, GetAccessReviewItemsHandler, GetAccessReviewItemHandler, GetNoticesHandler],
})
export class ComplianceReadModelsModule {}
