export * from './role';
export * from './tenant/tenant-policy';
export * from './tenant/tenant';
export * from './user/user-principal-name';
export * from './user/user';
export * from './authorization/principal';
export * from './authorization/permissions';
