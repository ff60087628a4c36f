module.exports = { displayName: 'e2e-console', preset: '../../jest.preset.js', rootDir: '.', testTimeout: 90_000 };
