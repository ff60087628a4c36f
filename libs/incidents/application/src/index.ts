export * from './incidents-application.module';
export * from './revocation-cases/revocation-cases.use-case';
export * from './revocation-cases/revocation-case.runner';
export * from './leaks/proven-leaks';
export * from './leaks/leak-scans.use-case';
export * from './leaks/leak-reports.queue';
