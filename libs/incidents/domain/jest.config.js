module.exports = { displayName: 'incidents-domain', preset: '../../../jest.preset.js', rootDir: '.' };
