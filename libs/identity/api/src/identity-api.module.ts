import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IdentityApplicationModule } from '@keyward/identity/application';
import { IdentityReadModelsModule } from '@keyward/identity/read-models';
import { AuthController } from './session/auth.controller';
import { SessionMiddleware } from './session/session.middleware';
import { UsersResolver } from './users/users.resolver';

@Module({
  imports: [CqrsModule, IdentityApplicationModule, IdentityReadModelsModule],
  controllers: [AuthController],
  providers: [UsersResolver, SessionMiddleware],
  exports: [IdentityApplicationModule],
})
export class IdentityApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware).forRoutes('*path');
  }
}
