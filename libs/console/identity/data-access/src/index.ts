export * from './users.api';
export * from './policy.api';
export * from './api-tokens.api';
export * from './security.api';
