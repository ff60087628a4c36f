export * from './app-password.operations';
