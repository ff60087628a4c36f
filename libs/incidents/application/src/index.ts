export * from './incidents-application.module';
export * from './revocation-cases/revocation-cases.use-case';
export * from './revocation-cases/revocation-case.runner';
