export * from './keyward-config';
export * from './tokens';
export * from './keyward-core.module';
export * from './graphql-errors';
export * from './request-context';
export * from './connection';
export * from './secret-hashing';
export * from './exception-filter';
