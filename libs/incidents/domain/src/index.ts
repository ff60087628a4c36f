export * from './revocation-case/revocation-case.events';
export * from './revocation-case/revocation-case';
