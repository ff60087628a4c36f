module.exports = { displayName: 'app-passwords-application', preset: '../../../jest.preset.js', rootDir: '.' };
