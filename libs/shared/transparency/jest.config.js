module.exports = { displayName: 'shared-transparency', preset: '../../../jest.preset.js', rootDir: '.' };
