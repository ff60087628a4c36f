export * from './app-password-list/app-password-list.projection';
export * from './app-password-list/app-password-list.queries';
export * from './app-passwords-read-models.module';
