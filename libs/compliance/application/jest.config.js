module.exports = { displayName: 'compliance-application', preset: '../../../jest.preset.js', rootDir: '.' };
