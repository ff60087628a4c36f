module.exports = { displayName: 'tools-seed', preset: '../../jest.preset.js', rootDir: '.' };
