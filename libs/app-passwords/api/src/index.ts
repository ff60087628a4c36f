export * from './app-passwords-api.module';
