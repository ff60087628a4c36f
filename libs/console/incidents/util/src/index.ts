// The words the incident libraries share: data-access fetches and keeps these shapes, ui shows
// them. A util library, because a ui library may not import data-access, not even a type.
export * from './revocation-case';
export * from './address';
export * from './bulk-revocation';
export * from './leak-scan';
export * from './alert';
export * from './respond-prefill';
