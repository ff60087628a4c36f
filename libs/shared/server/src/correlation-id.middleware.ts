import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './request-context';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from './tokens';

/** What every request carries from here on: its correlation id, and when it arrived by the injected clock. */
export interface StampedRequest extends Request {
  correlationId: string;
  receivedAt: Date;
}

/**
 * Gives every request a correlation id (the caller's safe `X-Request-Id`, or a new one), echoed
 * in the answer, and the time it arrived by the injected clock: commands take their `now` from it.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  constructor(
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  use(request: StampedRequest, response: Response, next: NextFunction): void {
    request.correlationId = correlationIdOf(request, () => this.ids.newId());
    request.receivedAt = this.clock.now();
    response.setHeader('X-Request-Id', request.correlationId);
    next();
  }
}
