import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { IdentityApplicationModule } from '@keyward/identity/application';
import { IdentityReadModelsModule } from '@keyward/identity/read-models';
import { PermissionGuard } from './authorization/permission.guard';
import { ApiTokensResolver } from './api-tokens/api-tokens.resolver';
import { AuthController } from './session/auth.controller';
import { AutoconfigController } from './mail-setup/autoconfig.controller';
import { AppleProfileLinks } from './mail-setup/apple-profile';
import { MailServersResolver } from './mail-setup/mail-servers.resolver';
import { ScimController } from './scim/scim.controller';
import { OidcSignIn } from './session/oidc-sign-in';
import { SessionMiddleware } from './session/session.middleware';
import { SecondFactorsResolver } from './second-factors/second-factors.resolver';
import { TenantPolicyResolver } from './tenant-policy/tenant-policy.resolver';
import { UsersResolver } from './users/users.resolver';

@Module({
  imports: [CqrsModule, IdentityApplicationModule, IdentityReadModelsModule],
  controllers: [AuthController, ScimController, AutoconfigController],
  // The permission guard runs before every route and operation of every module.
  providers: [AppleProfileLinks, MailServersResolver, OidcSignIn, UsersResolver, SecondFactorsResolver, TenantPolicyResolver, ApiTokensResolver, SessionMiddleware, { provide: APP_GUARD, useClass: PermissionGuard }],
  exports: [IdentityApplicationModule, AppleProfileLinks],
})
export class IdentityApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Gateways never hold a console session: /verify skips the cookie look-up. /metrics has a bearer of its own.
    consumer.apply(SessionMiddleware).exclude('verify', 'health', 'metrics').forRoutes('*path');
  }
}
