export * from './user-list/user-list.projection';
export * from './user-list/user-list.queries';
export * from './user-list/directory-users.queries';
export * from './identity-read-models.module';
export * from './api-token-list/api-token-list.projection';
export * from './api-token-list/api-token-list.queries';
