module.exports = { displayName: 'shared-server', preset: '../../../jest.preset.js', rootDir: '.' };
