export * from './app-password-list/app-password-list.projection';
export * from './app-password-list/app-password-view';
export * from './app-password-list/app-password-list.queries';
export * from './usage-history/usage-history.projection';
export * from './usage-history/usage-history.queries';
export * from './usage-history/credential-usage.queries';
export * from './dashboard/dashboard.queries';
export * from './app-passwords-read-models.module';
