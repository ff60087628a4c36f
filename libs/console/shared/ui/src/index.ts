export * from './secret-reveal';
export * from './page-state';
export * from './stat-card';
export * from './chart';
export * from './sign-in-reason';
export * from './pager';
export * from './not-allowed.page';
export * from './utc-time-field';
