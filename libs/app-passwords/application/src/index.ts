export * from './app-passwords-application.module';
export * from './credentials/credentials.repository';
export * from './generate-app-password/generate-app-password.command';
export * from './revoke-app-password/revoke-app-password.command';
export * from './revoke-app-passwords/revoke-app-passwords.use-case';
export * from './rename-app-password/rename-app-password.command';
export * from './verify-app-password/verify-app-password.use-case';
export * from './revoke-user-app-passwords/revoke-user-app-passwords.command';
