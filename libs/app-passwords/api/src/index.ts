export * from './app-passwords-api.module';
export * from './verify/verify.handler';
export * from './graphql/app-password.model';
