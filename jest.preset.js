// Shared jest settings for every project: SWC transpiles TypeScript (with decorator metadata for
// Nest) and Nx's resolver maps the tsconfig path aliases.

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
  // Packages published only as ES modules (otplib's base32 and hashes), which jest's CommonJS runtime cannot require as they are.
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble|@otplib)/)'],
};
