export * from './case-progress';
export * from './outcome-table';
export * from './case-sample-table';
export * from './bulk-revoke-dialog';
export * from './leak-match-table';
export * from './alert-table';
