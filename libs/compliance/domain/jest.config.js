module.exports = { displayName: 'compliance-domain', preset: '../../../jest.preset.js', rootDir: '.' };
