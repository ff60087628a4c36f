import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, type CommandContext } from '@keyward/shared/domain';
import type { StampedRequest } from '@keyward/shared/server';
import { actorOf, type UserPrincipal } from '@keyward/identity/domain';

/** A request as the middleware leaves it: stamped, and with the principal a session stands for. */
export interface KeywardRequest extends StampedRequest {
  principal?: UserPrincipal;
}

export function requestOf(context: ExecutionContext): KeywardRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: KeywardRequest }>().req
    : context.switchToHttp().getRequest<KeywardRequest>();
}

function principalOf(request: KeywardRequest): UserPrincipal {
  if (!request.principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return request.principal;
}

/** The signed-in principal; UNAUTHENTICATED when the request has no valid session. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): UserPrincipal => principalOf(requestOf(context)));

/**
 * The command context of this request: the principal's actor and tenant, the correlation id, the
 * time the request arrived by the injected clock and the client's address (stamped by
 * CorrelationIdMiddleware).
 */
export const CurrentCommandContext = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  const request = requestOf(context);
  const principal = principalOf(request);
  return { actor: actorOf(principal), tenantId: principal.tenantId, now: request.receivedAt, correlationId: request.correlationId, sourceIp: request.sourceIp };
});
