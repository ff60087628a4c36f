import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, forbidden } from '@keyward/shared/domain';
import { isPermission, needsStepUp, scopeOf, stepUpRequired } from '@keyward/identity/domain';
import { requestOf } from './current-principal.decorator';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './requires.decorator';

/**
 * Runs before every GraphQL operation and HTTP route: the operation must declare a permission
 * (or be public), the request must have a principal, and the principal must hold the permission
 * for something (the handler then checks the thing acted on). An operation without a declaration
 * is refused: access fails closed.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger('Authorization');

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets);
    if (!permission || !isPermission(permission)) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no permission; refused`);
      throw forbidden();
    }
    const principal = requestOf(context).principal;
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    if (scopeOf(principal, permission) === null) {
      throw forbidden(
        principal.kind === 'user' && principal.mustEnrol
          ? 'Register a second factor (an authenticator app or a passkey) first: your role needs one to use the console.'
          : `This needs the permission ${permission}.`,
      );
    }
    if (needsStepUp(principal, permission)) throw stepUpRequired();
    return true;
  }
}
