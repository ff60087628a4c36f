export * from './case-progress.harness';
export * from './outcome-table.harness';
export * from './alert-table.harness';
