export * from './identity-api.module';
export * from './authorization/current-principal.decorator';
export * from './authorization/requires.decorator';
export * from './session/session.middleware';
export * from './users/user.model';
export * from './tenant-policy/tenant-policy.model';
export { scimBodyErrors } from './scim/scim-exception.filter';
export { AppleProfileLinks } from './mail-setup/apple-profile';
