module.exports = { displayName: 'tools-lint', preset: '../../jest.preset.js', rootDir: '.' };
