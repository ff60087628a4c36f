export * from './compliance-application.module';
export * from './access-reviews/access-reviews.use-case';
export * from './access-reviews/access-review-deadlines.sweep';
export * from './notices/notices.service';
export * from './notices/mail-outbox';
export * from './notices/mailer';
