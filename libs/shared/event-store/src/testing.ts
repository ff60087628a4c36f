export * from './testing/event-store.contract';
export * from './esdb/testing/esdb-protocol-fake';
