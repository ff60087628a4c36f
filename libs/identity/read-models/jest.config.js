module.exports = { displayName: 'identity-read-models', preset: '../../../jest.preset.js', rootDir: '.' };
