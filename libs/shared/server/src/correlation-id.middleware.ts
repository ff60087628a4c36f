import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './request-context';
import { ID_GENERATOR, type IdGenerator } from './tokens';

/** Gives every request a correlation id (the caller's safe `X-Request-Id`, or a new one) and echoes it. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  constructor(@Inject(ID_GENERATOR) private readonly ids: IdGenerator) {}

  use(request: Request & { correlationId?: string }, response: Response, next: NextFunction): void {
    request.correlationId = correlationIdOf(request, () => this.ids.newId());
    response.setHeader('X-Request-Id', request.correlationId);
    next();
  }
}
