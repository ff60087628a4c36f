export * from './revocation-case/revocation-case.events';
export * from './revocation-case/revocation-case';
export * from './leaks/app-password-candidates';
export * from './leaks/leak-scan.events';
export * from './leaks/leak-scan';
export * from './leaks/leak-report';
