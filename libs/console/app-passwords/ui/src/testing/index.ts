export * from './app-password-table.harness';
export * from './revoke-dialog.harness';
