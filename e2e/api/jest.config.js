module.exports = { displayName: 'e2e-api', preset: '../../jest.preset.js', rootDir: '.', testTimeout: 60_000 };
