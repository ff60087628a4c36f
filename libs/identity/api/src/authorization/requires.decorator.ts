import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';
import type { Permission } from '@keyward/identity/domain';

export const REQUIRED_PERMISSION = 'keyward:permission';
export const IS_PUBLIC = 'keyward:public';

/**
 * Declares the permission an operation needs (PERMISSIONS in the identity domain). The guard
 * checks it before the handler runs; on a GraphQL operation it is also published as the field's
 * `extensions.permission`, where the authorization test reads every operation's declaration.
 */
export function Requires(permission: Permission): MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), Extensions({ permission }));
}

/** An HTTP route open without a session (sign-in, verification, health), with the reason in `why`. */
export function Public(why: string): MethodDecorator & ClassDecorator {
  return SetMetadata(IS_PUBLIC, why);
}
