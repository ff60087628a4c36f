export * from './event-store';
export * from './errors';
export * from './sqlite/sqlite-event-store';
export * from './sqlite/background-checkpoints';
export * from './open-event-store';

export * from './esdb/esdb-event-store';
export * from './storage-failure';
