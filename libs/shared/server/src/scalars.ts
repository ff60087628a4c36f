import type { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

// graphql-scalars ships typings that `moduleResolution: node` cannot follow; the values are
// ordinary GraphQLScalarType instances (checked by the API tests).
/** RFC 3339 date-time; ISO-8601 strings from the read models serialise as they are. */
export const DateTimeScalar = GraphQLDateTime as unknown as GraphQLScalarType;
/** Arbitrary JSON, for event data. */
export const JsonScalar = GraphQLJSON as unknown as GraphQLScalarType;
