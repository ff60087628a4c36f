module.exports = { displayName: 'compliance-read-models', preset: '../../../jest.preset.js', rootDir: '.' };
