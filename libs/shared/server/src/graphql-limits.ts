import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { BREAK, GraphQLError, visit, type DocumentNode, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { pageSize } from './connection';

/**
 * What one GraphQL request may ask for. A request is parsed, validated and costed before anything
 * runs, and refused with BAD_USER_INPUT beyond any of these. The console's heaviest operation
 * costs about a tenth of `maxCost` (graphql-limits.unit.spec.ts keeps it so).
 */
export const GRAPHQL_LIMITS = {
  /** Tokens the parser reads before it gives up (a 62 KB body of aliases is ~10,000). */
  maxTokens: 2_000,
  maxDepth: 10,
  /** The same field asked for under other names: a console operation uses none. */
  maxAliases: 10,
  /** The estimated work (complexityOf): fields, times the rows a page or a period can hold. */
  maxCost: 20_000,
} as const;

/**
 * The cost of a field: 1, plus its selections once per row it can return. A paged field costs its
 * selections `first` times (the page size when `first` is not given), and `usage(days)` its days:
 * an appPasswords page of 200 that asks each for a year of usage costs what it makes the server do.
 */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const takesFirst = field.args.some((arg) => arg.name === 'first');
  const rows = takesFirst ? rowsOf(args['first']) : 1;
  const days = field.args.some((arg) => arg.name === 'days') && typeof args['days'] === 'number' ? Math.max(1, args['days']) : 0;
  return 1 + days + rows * childComplexity;
};

function rowsOf(first: unknown): number {
  try {
    return pageSize(typeof first === 'number' ? first : null);
  } catch {
    // Out of range: the resolver refuses it; cost it as the largest page meanwhile.
    return 200;
  }
}

/** The estimated cost of an operation (see pagedEstimator). */
export function complexityOf(args: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number {
  return getComplexity({ ...args, estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })] });
}

const report: { propagateOnRejection: false; onReject: ((context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) => void)[] } = {
  propagateOnRejection: false,
  // Report (not throw), so that Apollo answers a validation error instead of an internal one.
  onReject: [(context, error) => context?.reportError(error)],
};

/** Validation rules: depth and aliases. */
export const GRAPHQL_VALIDATION_RULES: ValidationRule[] = [
  maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, ...report }) as ValidationRule,
  maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, ...report }) as ValidationRule,
];

/**
 * Refuses, once the operation is known and before it runs: introspection without a session
 * (docs/api/schema.graphql is the schema for everyone else), and any operation whose estimated
 * cost is beyond GRAPHQL_LIMITS.maxCost.
 */
export function graphqlLimitsPlugin(): ApolloServerPlugin<{ req?: { principal?: unknown } }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }: GraphQLRequestContextDidResolveOperation<{ req?: { principal?: unknown } }>) {
          if (!contextValue.req?.principal && asksForIntrospection(document)) {
            throw new GraphQLError('Sign in to introspect the schema; docs/api/schema.graphql has it.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          }
          let cost: number;
          try {
            cost = complexityOf({ schema, query: document, operationName: request.operationName, variables: request.variables });
          } catch {
            // Variables that do not fit the operation: Apollo refuses them (BAD_USER_INPUT) and runs nothing.
            return;
          }
          if (cost > GRAPHQL_LIMITS.maxCost) {
            throw new GraphQLError(`This operation would cost ${cost}, more than the ${GRAPHQL_LIMITS.maxCost} one request may: ask for smaller pages or fewer fields.`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Whether the document selects `__schema` or `__type` anywhere (`__typename` is not introspection). */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
