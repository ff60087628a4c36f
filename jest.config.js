// Every unit and integration test of the workspace, in one jest run (e2e/jest.config.js has the rest).
module.exports = {
  projects: ['<rootDir>/libs/*/*/jest.config.js', '<rootDir>/libs/console/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/tools/*/jest.config.js'],
  reporters: ['default', '<rootDir>/tools/test/totals-reporter.js'],
};
