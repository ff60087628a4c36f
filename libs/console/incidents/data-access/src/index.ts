export { outcomesCsvUrl } from './incidents.operations';
export * from './incidents.api';
export * from './incident-errors';
export * from './revocation-case.store';
export * from './alerts.api';
export * from './alert-errors';
export * from './alert-list.store';
