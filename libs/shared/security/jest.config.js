module.exports = { displayName: 'shared-security', preset: '../../../jest.preset.js', rootDir: '.' };
