module.exports = { displayName: 'tools-verify-export', preset: '../../jest.preset.js', rootDir: '.' };
