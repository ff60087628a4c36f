export * from './security.page';
