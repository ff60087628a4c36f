export { outcomesCsvUrl } from './incidents.operations';
export * from './incidents.api';
export * from './incident-errors';
export * from './revocation-case.store';
export * from './bulk-revocation.store';
export * from './leaks.api';
export * from './leak-errors';
