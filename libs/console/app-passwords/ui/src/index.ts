export * from './app-password-table';
export * from './sign-in-table';
export * from './revoke-dialog';
export * from './generate-dialog';
