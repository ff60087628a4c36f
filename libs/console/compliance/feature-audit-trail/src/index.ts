export * from './audit-trail.page';
