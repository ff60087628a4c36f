// Test support for bundles: an in-memory log, fabricated histories, and ZIP editing for tamper tests.
export * from './testing/fabricated-history';
export * from './testing/test-log';
export * from './testing/bundle-files';
export * from './testing/export-bundle';
export * from './testing/tamper-corpus';
