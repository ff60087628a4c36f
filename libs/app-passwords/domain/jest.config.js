module.exports = { displayName: 'app-passwords-domain', preset: '../../../jest.preset.js', rootDir: '.' };
