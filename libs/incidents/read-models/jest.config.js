module.exports = { displayName: 'incidents-read-models', preset: '../../../jest.preset.js', rootDir: '.' };
