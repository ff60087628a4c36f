module.exports = { displayName: 'tools-migrate', preset: '../../jest.preset.js', rootDir: '.' };
