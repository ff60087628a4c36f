// The black-box tests: they start the built Keyward (and a browser) as real processes.
module.exports = {
  rootDir: '..',
  projects: ['<rootDir>/e2e/*/jest.config.js'],
  testTimeout: 90_000,
  reporters: ['default', '<rootDir>/tools/test/totals-reporter.js'],
};
