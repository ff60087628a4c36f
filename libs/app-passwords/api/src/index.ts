export * from './app-passwords-api.module';
export * from './verify/verify.handler';
