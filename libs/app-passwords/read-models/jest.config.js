module.exports = { displayName: 'app-passwords-read-models', preset: '../../../jest.preset.js', rootDir: '.' };
