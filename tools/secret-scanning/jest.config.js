module.exports = { displayName: 'tools-secret-scanning', preset: '../../jest.preset.js', rootDir: '.' };
