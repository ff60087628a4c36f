module.exports = { displayName: 'incidents-api', preset: '../../../jest.preset.js', rootDir: '.' };
