export { exportUrl, filterVariables, SIGN_IN_FILTER_KEYS, toApiFilter, withoutSignInFilters, type AppPasswordDetail, type AppPasswordFilter, type LifecycleEvent } from './app-password.operations';
export * from './app-passwords.api';
export * from './revocation.store';
export * from './generation.store';
