// Shared jest settings for every project: SWC transpiles TypeScript (with decorator metadata for
// Nest), Nx's resolver maps the tsconfig path aliases, and our reporter records the totals that
// tools/test/summary.js turns into CI's closing line.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['**/?(*.)+(spec).ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  reporters: ['default', path.join(__dirname, 'tools/test/totals-reporter.js')],
};
