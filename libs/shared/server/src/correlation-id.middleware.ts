import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { clientAddressOf, correlationIdOf } from './request-context';
import { CLOCK, ID_GENERATOR, KEYWARD_CONFIG, type Clock, type IdGenerator } from './tokens';
import type { KeywardConfig } from './keyward-config';

/** What every request carries from here on: its correlation id, when it arrived by the injected clock, and from where. */
export interface StampedRequest extends Request {
  correlationId: string;
  receivedAt: Date;
  /** The client's address, resolved as for /verify: a forwarded one only from a trusted proxy. */
  sourceIp: string | null;
}

/**
 * Gives every request a correlation id (a trusted proxy's `X-Request-Id`, or a new one), echoed
 * in the answer, and the time it arrived by the injected clock: commands take their `now` from it.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  constructor(
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  use(request: StampedRequest, response: Response, next: NextFunction): void {
    request.correlationId = correlationIdOf(request, this.config, () => this.ids.newId());
    request.receivedAt = this.clock.now();
    request.sourceIp = clientAddressOf(request, this.config);
    response.setHeader('X-Request-Id', request.correlationId);
    next();
  }
}
