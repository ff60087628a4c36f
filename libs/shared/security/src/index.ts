export * from './secret-hashing';
export * from './failure-throttle';
export * from './hashing-gate';
