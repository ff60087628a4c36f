export * from './identity-api.module';
export * from './session/current-caller';
export * from './session/session.middleware';
export * from './users/user.model';
export * from './tenant-policy/tenant-policy.model';
