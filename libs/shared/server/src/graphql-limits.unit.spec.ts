import { buildSchema, parse, validate } from 'graphql';
import { asksForIntrospection, complexityOf, GRAPHQL_VALIDATION_RULES } from './graphql-limits';

const schema = buildSchema(`
  type Query { me: User, appPasswords(first: Int): AppPasswordConnection }
  type User { id: ID }
  type AppPasswordConnection { edges: [Edge] }
  type Edge { node: AppPassword }
  type AppPassword { id: ID, label: String, usage(days: Int): Usage }
  type Usage { perDay: [Int] }
`);
const cost = (query: string) => complexityOf({ schema, query: parse(query), variables: {} });

describe('the cost of a GraphQL operation', () => {
  it('given a page, when its rows ask for fields, then each field costs once per row of the page', () => {
    expect(cost('{ appPasswords(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * (1 + 1 + 1));
  });

  it('given no page size, when costed, then the default page (50) is assumed; beyond the largest, the largest (200)', () => {
    expect(cost('{ appPasswords { edges { node { id } } } }')).toBe(1 + 50 * 3);
    expect(cost('{ appPasswords(first: 100000) { edges { node { id } } } }')).toBe(1 + 200 * 3);
  });

  it('given a year of usage on each of 200 rows, when costed, then it is far beyond one request (20,000)', () => {
    expect(cost('{ appPasswords(first: 10) { edges { node { usage(days: 366) { perDay } } } } }')).toBe(1 + 10 * (1 + 1 + (1 + 366 + 1)));
    expect(cost('{ appPasswords(first: 200) { edges { node { usage(days: 366) { perDay } } } } }')).toBeGreaterThan(20_000);
  });

  it('given aliases, when validated, then ten of one field pass and eleven do not', () => {
    const aliased = (n: number) => parse(`{ ${Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ')} }`);
    expect(validate(schema, aliased(10), GRAPHQL_VALIDATION_RULES)).toEqual([]);
    expect(validate(schema, aliased(11), GRAPHQL_VALIDATION_RULES)).toHaveLength(1);
  });

  it('given __schema or __type anywhere, then it is introspection; __typename is not', () => {
    expect(asksForIntrospection(parse('{ me { id } x: __schema { queryType { name } } }'))).toBe(true);
    expect(asksForIntrospection(parse('query { __type(name: "User") { name } }'))).toBe(true);
    expect(asksForIntrospection(parse('{ me { __typename id } __typename }'))).toBe(false);
  });
});
