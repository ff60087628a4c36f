import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ADMIN_PASSWORD, ConsoleClient, createUser, generate, KeywardProcess, type Json } from '@keyward/e2e/support';

/**
 * A schema-aware GraphQL fuzzer, bounded in time: operations built from docs/api/schema.graphql
 * (every query and mutation, with selections of real fields), their variables random JSON of the
 * declared type or of any other, sent by a global admin, a user and nobody. Whatever arrives, the
 * answer is a 200 or a 4xx with a precise code, never a 500, a stack trace or a hash; and an
 * operation that was refused recorded nothing (no event carries its request's correlation id).
 */
const SCHEMA = buildSchema(readFileSync(join(__dirname, '../../docs/api/schema.graphql'), 'utf8'));
const RUNS = Number(process.env['KEYWARD_FUZZ_RUNS'] ?? 1000);
const TIME_LIMIT_MS = Number(process.env['KEYWARD_FUZZ_MS'] ?? 45_000);
const CODES = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'POLICY_VIOLATION', 'STEP_UP_REQUIRED', 'TOO_MANY_REQUESTS'];

describe('the GraphQL API under fuzzing', () => {
  const keyward = new KeywardProcess();
  const admin = new ConsoleClient('');
  const user = new ConsoleClient('');
  const ids: string[] = [];
  let events: Database.Database;

  beforeAll(async () => {
    await keyward.start();
    for (const client of [admin, user]) (client as { baseUrl: string }).baseUrl = keyward.baseUrl;
    await admin.signIn('admin@contoso.example', ADMIN_PASSWORD);
    const frank = await createUser(admin, 'frank@contoso.example', ['USER'], { password: 'frank-console-password' });
    await user.signIn('frank@contoso.example', 'frank-console-password');
    const { appPassword } = await generate(admin, frank.id);
    ids.push(frank.id, appPassword.id);
    events = new Database(join(keyward.dataDir, 'events.sqlite'), { readonly: true });
  });
  afterAll(async () => {
    events?.close();
    await keyward.stop();
    keyward.removeData();
  });

  const recordedBy = (correlationId: string) =>
    (events.prepare(`SELECT count(*) AS n FROM events WHERE json_extract(metadata, '$.correlationId') = ?`).get(correlationId) as { n: number }).n;

  it('answers every operation without a 500, a stack trace or a hash, and records nothing for what it refuses', async () => {
    const seen = { refusedMutations: 0, mutationsThatRan: 0 };
    await fc.assert(
      fc.asyncProperty(operationArbitrary(SCHEMA, ids), fc.constantFrom('admin', 'user', 'anonymous'), async (operation, caller) => {
        // when
        const response = await fetch(`${keyward.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: caller === 'admin' ? admin.sessionCookie : caller === 'user' ? user.sessionCookie : '' },
          body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        });
        const text = await response.text();
        // then
        expect([200, 400, 429]).toContain(response.status);
        expect(text).not.toMatch(/\$argon2|stacktrace|\n\s+at .+\(.+:\d+:\d+\)/);
        const body = JSON.parse(text) as { data?: Json | null; errors?: { extensions?: { code?: string } }[] };
        for (const error of body.errors ?? []) expect(CODES).toContain(error.extensions?.code);
        const correlationId = response.headers.get('x-request-id') ?? '';
        expect(correlationId).not.toBe('');
        if (operation.kind !== 'mutation') return;
        if (body.data?.[operation.field]) seen.mutationsThatRan++;
        else {
          seen.refusedMutations++;
          expect(recordedBy(correlationId)).toBe(0);
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: seedOf(process.env['KEYWARD_FUZZ_SEED']) },
    );
    // The fuzzer reached both sides: mutations refused and mutations that ran.
    expect(seen.refusedMutations).toBeGreaterThan(0);
    expect(seen.mutationsThatRan).toBeGreaterThan(0);
  });
});

interface FuzzOperation {
  readonly kind: 'query' | 'mutation';
  readonly field: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

function seedOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** One root field of Query or Mutation, its arguments as variables, and a selection of its result. */
function operationArbitrary(schema: GraphQLSchema, ids: readonly string[]): fc.Arbitrary<FuzzOperation> {
  const roots = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ['query', field] as const),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ['mutation', field] as const),
  ];
  return fc.constantFrom(...roots).chain(([kind, field]) =>
    fc.record({ variables: argumentsArbitrary(field, ids), selection: selectionArbitrary(field, 2) }).map(({ variables, selection }) => {
      const declared = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
      return { kind, field: field.name, query, variables };
    }),
  );
}

/** Each argument: usually a value of its type, sometimes any JSON at all; now and then one left out. */
function argumentsArbitrary(field: GraphQLField<unknown, unknown>, ids: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) entries[arg.name] = mostly(valueOf(arg.type, ids, 0, arg.name), fc.jsonValue({ maxDepth: 2 }));
  const names = field.args.map((arg) => arg.name);
  return fc.record({ values: fc.record(entries), leftOut: mostly(fc.constant(null), fc.constantFrom(null, ...names)) }).map(({ values, leftOut }) => {
    const kept: Record<string, unknown> = { ...values };
    if (leftOut !== null) delete kept[leftOut];
    return kept;
  });
}

/** Nine times in ten the plausible value, else the awkward one. */
function mostly<T, U>(plausible: fc.Arbitrary<T>, awkward: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ weight: 9, arbitrary: plausible }, { weight: 1, arbitrary: awkward });
}

const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
const word = fc.stringMatching(/^[a-z][a-z0-9.-]{0,15}$/);

/** Text a caller would plausibly send for an argument or field of this name. */
function plainTextFor(name: string): fc.Arbitrary<unknown> {
  if (name === 'after') return fc.constant(null); // a cursor: only the server makes real ones
  if (/(After|Before|At|^since|^until|^asOf)$/.test(name)) return isoDate;
  if (/ip|address/i.test(name)) return fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4().map((ip) => `${ip}/24`));
  if (/userPrincipalName/.test(name)) return word.map((local) => `${local}@contoso.example`);
  if (/domain/i.test(name)) return fc.constantFrom('contoso.example', 'fabrikam.example');
  return fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .@-]{0,30}$/), fc.constantFrom('Thunderbird on laptop', 'INC-7', 'frank@contoso.example', 'imap'));
}
const awkwardText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u202e', 'a\u0000b', 'line\r\nbreak', '=1+2', 'x'.repeat(10_000), "'; DROP TABLE events; --", '../../etc/passwd', 'admin@contoso.example', 'kwabcdefghijkmnpqrstuvwxyz23456789'),
);

function valueOf(type: GraphQLInputType, ids: readonly string[], depth: number, name: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, ids, depth, name);
  if (isListType(type)) return fc.array(valueOf(type.ofType, ids, depth + 1, name), { maxLength: 3 });
  const named = getNamedType(type);
  if (isEnumType(named)) return mostly(fc.constantFrom(...named.getValues().map((value) => value.name)), awkwardText);
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(named.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = valueOf(field.type, ids, depth + 1, field.name);
    return fc.record(record, { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) });
  }
  switch (named.name) {
    case 'Int':
      return mostly(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, -1, 1000, 2 ** 31 - 1, 2 ** 31, 1e12, 1.5));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(-1, 0, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return mostly(fc.constantFrom(...ids), awkwardText);
    case 'DateTime':
      return mostly(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()), awkwardText);
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    default:
      return mostly(plainTextFor(name), awkwardText);
  }
}

/** A selection of the field's result: its leaf fields, and at `depth` the objects it leads to. */
function selectionArbitrary(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return fc.constant('');
  if (!isObjectType(type)) return fc.constant(' { __typename }');
  return objectSelection(type, depth).map((inner) => ` { ${inner} }`);
}

function objectSelection(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const selectable = Object.values(type.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type)));
  const leaves = selectable.filter((field) => isLeafType(getNamedType(field.type)));
  const objects = depth > 0 ? selectable.filter((field) => isObjectType(getNamedType(field.type))) : [];
  return fc
    .record({
      leaves: fc.subarray(leaves.map((field) => field.name)),
      objects: fc.subarray(objects, { maxLength: Math.min(2, objects.length) }).chain((chosen) =>
        chosen.length === 0
          ? fc.constant([] as string[])
          : fc.tuple(...chosen.map((field) => objectSelection(getNamedType(field.type) as GraphQLObjectType, depth - 1).map((inner) => `${field.name} { ${inner} }`))),
      ),
    })
    .map(({ leaves: names, objects: nested }) => ['__typename', ...names, ...nested].join(' '));
}
