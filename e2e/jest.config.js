// The black-box tests: they start the built Keyward (and a browser) as real processes.
module.exports = {
  rootDir: '..',
  projects: ['<rootDir>/e2e/*/jest.config.js'],
  reporters: ['default', '<rootDir>/tools/test/totals-reporter.js'],
};
