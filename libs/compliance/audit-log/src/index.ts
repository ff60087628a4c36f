export * from './audit-log-file';
export * from './audit-log-writer';
export * from './audit-keys';
export * from './leaf-reader';
export * from './audit-log.service';
export * from './audit-log.module';
export * from './export/export-lines';
