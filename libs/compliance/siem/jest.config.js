module.exports = { displayName: 'compliance-siem', preset: '../../../jest.preset.js', rootDir: '.' };
