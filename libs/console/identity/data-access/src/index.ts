export * from './users.api';
export * from './policy.api';
