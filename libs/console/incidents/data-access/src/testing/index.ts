export * from './incidents-api.double';
export * from './leaks-api.double';
export * from './alerts-api.double';
