export * from './identity-application.module';
export * from './directory/directory.repository';
export * from './create-user/create-user.command';
export * from './set-user-enabled/set-user-enabled.command';
export * from './sessions/session-service';
export * from './bootstrap/bootstrap-tenants';
export * from './change-tenant-policy/change-tenant-policy.command';
export * from './reset-user-password/reset-user-password.command';
