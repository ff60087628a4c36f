export * from './audit-record/audit-record';
