export * from './leak-intake.page';
