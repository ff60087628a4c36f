import { Logger } from '@nestjs/common';
import { isDomainError } from '@keyward/shared/domain';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

const CLIENT_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'POLICY_VIOLATION', 'STEP_UP_REQUIRED']);
// Apollo's own codes for a request it cannot take (it does not parse or validate; a GET mutation,
// a blocked CSRF preflight, a batch, an operation name that is not there): the client's mistake.
const CLIENT_MISTAKES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const logger = new Logger('GraphQL');

/**
 * Turns every error into one with a precise `extensions.code` and a message fit for the client:
 * domain refusals keep their code and message, a malformed query is BAD_USER_INPUT, and anything
 * else is logged here and answered with a generic INTERNAL_SERVER_ERROR — never a stack trace.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (isDomainError(original)) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const code = String(formatted.extensions?.['code'] ?? '');
  if (CLIENT_CODES.has(code)) return { ...base, extensions: { code } };
  if (CLIENT_MISTAKES.has(code)) return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  logger.error(original instanceof Error ? original.stack ?? original.message : String(original));
  return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
