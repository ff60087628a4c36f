export * from './case-progress.harness';
export * from './outcome-table.harness';
