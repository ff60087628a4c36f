export * from './graphql-client';
export * from './permission';
export * from './session.store';
export * from './signed-in.guard';
export * from './cursor-pager';
export * from './request-state';
export * from './dead-letters.api';
