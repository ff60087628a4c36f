export { writeBundle } from './write/write-bundle';
export type { BundleInput, BundleManifestInput, BundleProofs, BundleRecord, BundleWritten } from './write/bundle-input';
export { BundleWriteError } from './write/bundle-input';
export { verifyBundle } from './verify/verify-bundle';
export type { VerifyOptions } from './verify/verify-bundle';
export type { VerifyFailure, VerifyResult } from './verify/verify-result';
export { BundleInputError } from './verify/verify-result';
export * from './layout/bundle-layout';
