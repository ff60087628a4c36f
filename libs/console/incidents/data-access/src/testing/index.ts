export * from './incidents-api.double';
