export * from './inventory.page';
export * from './credential.page';
