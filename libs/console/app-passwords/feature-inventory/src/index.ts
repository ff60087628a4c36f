export * from './inventory.page';
export * from './credential.page';
export * from './app-password-table';
export * from './generate-dialog';
export * from './revoke-dialog';
export * from './sign-in-history';
