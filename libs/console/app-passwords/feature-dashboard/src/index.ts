export * from './dashboard.page';
