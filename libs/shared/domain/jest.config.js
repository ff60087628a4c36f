module.exports = { displayName: 'shared-domain', preset: '../../../jest.preset.js', rootDir: '.' };
