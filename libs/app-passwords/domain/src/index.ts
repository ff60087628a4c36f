export * from './secret/app-password-secret';
export * from './app-password/app-password.events';
export * from './app-password/app-password';
export * from './keyring/keyring';
export * from './generation/generation';
export * from './verification/verification';
export * from './address/address-range';
export * from './client-identification/client-identification';
