export { exportUrl, filterVariables, toApiFilter, type AppPasswordDetail, type AppPasswordFilter, type LifecycleEvent } from './app-password.operations';
export * from './app-passwords.api';
export * from './revocation.store';
export * from './generation.store';
