export * from './domain-error';
export * from './event';
export * from './command-context';
export * from './stable-id';
export * from './spreadsheet-safe';
export * from './free-text';
