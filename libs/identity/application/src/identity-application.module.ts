import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApiTokenAuthenticator } from './api-tokens/api-token-authenticator';
import { CreateApiTokenHandler, RevokeApiTokenHandler } from './api-tokens/api-token.commands';
import { BootstrapTenants } from './bootstrap/bootstrap-tenants';
import { ChangeTenantPolicyHandler } from './change-tenant-policy/change-tenant-policy.command';
import { CreateUserHandler } from './create-user/create-user.command';
import { Directory } from './directory/directory.repository';
import { ChangeUserRolesHandler, DeprovisionUserHandler, ProvisionUserHandler, UpdateDirectoryUserHandler } from './provisioning/provisioning.commands';
import { ResetUserPasswordHandler } from './reset-user-password/reset-user-password.command';
import { SessionService } from './sessions/session-service';
import { SecondFactorService } from './second-factors/second-factor.service';
import { SetUserEnabledHandler } from './set-user-enabled/set-user-enabled.command';
import { ChangeNoticePreferencesHandler } from './notice-preferences/notice-preferences.command';
import { EraseUserHandler } from './erase-user/erase-user.command';

@Module({
  imports: [CqrsModule],
  providers: [
    Directory,
    SessionService,
    SecondFactorService,
    ApiTokenAuthenticator,
    BootstrapTenants,
    CreateUserHandler,
    SetUserEnabledHandler,
    ChangeNoticePreferencesHandler,
    EraseUserHandler,
    ChangeTenantPolicyHandler,
    ResetUserPasswordHandler,
    CreateApiTokenHandler,
    RevokeApiTokenHandler,
    ProvisionUserHandler,
    UpdateDirectoryUserHandler,
    DeprovisionUserHandler,
    ChangeUserRolesHandler,
  ],
  exports: [Directory, SessionService, SecondFactorService, ApiTokenAuthenticator, BootstrapTenants],
})
export class IdentityApplicationModule {}
