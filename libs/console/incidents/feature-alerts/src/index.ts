export * from './alerts.page';
