export * from './my-app-passwords.page';
