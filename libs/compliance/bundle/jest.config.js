module.exports = { displayName: 'compliance-bundle', preset: '../../../jest.preset.js', rootDir: '.' };
