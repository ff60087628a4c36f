export * from './exports.page';
