export * from './graphql-client';
export * from './step-up';
export * from './passkeys';
export * from './permission';
export * from './session.store';
export * from './signed-in.guard';
export * from './cursor-pager';
export * from './request-state';
export * from './dead-letters.api';
export { graphql } from './gql';
/** The schema's types and each operation's, as GraphQL Code Generator made them: `Gql.AppPasswordsQuery`. */
export type * as Gql from './gql/graphql';
