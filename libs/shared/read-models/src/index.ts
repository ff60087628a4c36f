export * from './read-model-database';
export * from './projection';

export * from './cursor';
export * from './where-clause';
export * from './statement-cache';
export * from './reaction-memory';
