export * from './session.double';
