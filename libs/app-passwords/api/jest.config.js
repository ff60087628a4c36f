module.exports = { displayName: 'app-passwords-api', preset: '../../../jest.preset.js', rootDir: '.' };
