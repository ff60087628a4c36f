module.exports = { displayName: 'e2e-gateways', preset: '../../jest.preset.js', rootDir: '.' };
