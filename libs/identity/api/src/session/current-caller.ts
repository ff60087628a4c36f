import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { DomainError, type CommandContext } from '@keyward/shared/domain';
import type { Caller } from '@keyward/identity/domain';

/** What the session middleware attaches to a request. */
export interface KeywardRequest extends Request {
  caller?: Caller;
  correlationId: string;
}

export function requestOf(context: ExecutionContext): KeywardRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: KeywardRequest }>().req
    : context.switchToHttp().getRequest<KeywardRequest>();
}

/** The signed-in caller; UNAUTHENTICATED when the request has no valid session. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = requestOf(context).caller;
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return caller;
});

/** The command context of this request: actor, tenant, correlation id, and the time now. */
export const CurrentCommandContext = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = requestOf(context);
  if (!request.caller) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return {
    actor: `user:${request.caller.userId}`,
    tenantId: request.caller.tenantId,
    now: new Date(),
    correlationId: request.correlationId,
  };
});
