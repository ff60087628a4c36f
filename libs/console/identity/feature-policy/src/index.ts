export * from './policy.page';
