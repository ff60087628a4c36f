export * from './audit-fixtures';
export * from './audit-log-api.double';
export * from './access-reviews-api.double';
export * from './reports-api.double';
export * from './report-schedules-api.double';
