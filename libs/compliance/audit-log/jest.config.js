module.exports = { displayName: 'compliance-audit-log', preset: '../../../jest.preset.js', rootDir: '.' };
