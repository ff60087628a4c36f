export * from './testing/decider-specification';
export * from './testing/decider-properties';
