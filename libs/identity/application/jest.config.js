module.exports = { displayName: 'identity-application', preset: '../../../jest.preset.js', rootDir: '.' };
