import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const serverOnly = ['@nestjs/*', '@apollo/*', 'better-sqlite3', 'argon2', '@eventstore/db-client'];

export default tseslint.config(
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', '**/.angular', '**/.nx', '**/*.js', '**/*.mjs', '**/*.cjs',
      // A file that must break the boundary rules; tools/lint/boundaries.int.spec.ts lints it on purpose.
      'libs/testing/boundary-fixture/**',
      // GraphQL Code Generator's output (npm run codegen).
      'libs/console/shared/data-access/src/gql/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // Layers: who may import whom.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:data-access'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', '@eventstore/db-client', 'better-sqlite3', 'argon2', 'express'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:application', 'type:read-models'] },
            { sourceTag: 'type:read-models', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:application', 'type:read-models', 'type:api'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            // Scopes: shared code depends on nothing scoped; app passwords may read identity; compliance and incidents may read both.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity'] },
            { sourceTag: 'scope:app-passwords', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:app-passwords'] },
            { sourceTag: 'scope:compliance', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:app-passwords', 'scope:compliance'] },
            { sourceTag: 'scope:incidents', onlyDependOnLibsWithTags: ['scope:shared', 'scope:identity', 'scope:app-passwords', 'scope:incidents'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:e2e', 'scope:shared', 'scope:identity', 'scope:app-passwords'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            // Platforms never mix.
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser'], bannedExternalImports: serverOnly },
            { sourceTag: 'platform:server', onlyDependOnLibsWithTags: ['platform:server'], bannedExternalImports: ['@angular/*'] },
          ],
        },
      ],
    },
  },
);
