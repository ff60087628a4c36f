export * from './case-progress';
export * from './outcome-table';
export * from './case-sample-table';
export * from './alert-table';
