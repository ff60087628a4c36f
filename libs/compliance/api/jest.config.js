module.exports = { displayName: 'compliance-api', preset: '../../../jest.preset.js', rootDir: '.' };
