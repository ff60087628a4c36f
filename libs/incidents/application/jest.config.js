module.exports = { displayName: 'incidents-application', preset: '../../../jest.preset.js', rootDir: '.' };
