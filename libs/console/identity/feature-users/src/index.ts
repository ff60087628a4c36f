export * from './users.page';
export * from './user.page';
