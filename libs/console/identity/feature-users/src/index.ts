export * from './users.page';
