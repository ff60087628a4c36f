module.exports = { displayName: 'shared-read-models', preset: '../../../jest.preset.js', rootDir: '.' };
