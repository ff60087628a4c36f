export * from './audit-trail/audit-trail.projection';
export * from './audit-trail/audit-trail.queries';
export * from './compliance-read-models.module';
export * from './access-reviews/access-reviews.projection';
export * from './access-reviews/access-reviews.queries';
export * from './notices/notices.projection';
export * from './notices/notices.queries';
export * from './report-schedules/report-schedules.projection';
