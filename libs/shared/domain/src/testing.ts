export * from './testing/decider-specification';
