export * from './secret-hashing';
export * from './failure-throttle';
