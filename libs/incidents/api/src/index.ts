export * from './incidents-api.module';
