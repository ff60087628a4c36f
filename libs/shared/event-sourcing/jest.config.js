module.exports = { displayName: 'shared-event-sourcing', preset: '../../../jest.preset.js', rootDir: '.' };
