export * from './audit-fixtures';
export * from './audit-log-api.double';
