export * from './reports.page';
