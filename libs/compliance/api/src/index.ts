export * from './compliance-api.module';
