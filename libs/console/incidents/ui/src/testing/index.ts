export * from './case-progress.harness';
export * from './outcome-table.harness';
export * from './bulk-revoke-dialog.harness';
export * from './leak-match-table.harness';
export * from './alert-table.harness';
