export * from './user-list/user-list.projection';
export * from './user-list/user-list.queries';
export * from './identity-read-models.module';
