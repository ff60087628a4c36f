export * from './command-handling/aggregates';
export * from './command-handling/conflict-retry';
export * from './command-handling/stream-command';
export * from './subscriptions/checkpointed-subscriber';
export * from './subscriptions/dead-letters';
export * from './subscriptions/projection-runner';
export * from './subscriptions/reaction';
export * from './subscriptions/catch-up';
