import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: the console's operations typed from the published schema
 * (docs/api/schema.graphql). `npm run codegen` writes libs/console/shared/data-access/src/gql;
 * `npm run codegen -- --check` (run by the schema test) fails when it is out of date.
 * Documents are strings (`documentMode: 'string'`): the console sends them as they are, with no
 * GraphQL parser in its bundle.
 */
const config: CodegenConfig = {
  schema: 'docs/api/schema.graphql',
  documents: ['libs/console/**/*.ts', '!libs/console/**/*.spec.ts', '!libs/console/shared/data-access/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'libs/console/shared/data-access/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', JSON: 'unknown' },
        skipTypename: true,
      },
    },
  },
};

export default config;
