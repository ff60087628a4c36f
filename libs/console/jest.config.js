// Component tests of the console: Angular's compiler through jest-preset-angular, in jsdom,
// zoneless like the app. Tests drive components through CDK harnesses, not CSS selectors.
module.exports = {
  displayName: 'console',
  preset: 'jest-preset-angular',
  rootDir: '.',
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  resolver: '@nx/jest/plugins/resolver',
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  testMatch: ['**/?(*.)+(spec).ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' }],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
};
