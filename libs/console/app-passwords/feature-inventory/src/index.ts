export * from './inventory.page';
