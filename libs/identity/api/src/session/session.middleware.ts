import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { SessionService } from '@keyward/identity/application';
import { correlationIdOf, ID_GENERATOR, type IdGenerator } from '@keyward/shared/server';
import type { KeywardRequest } from './current-caller';

export const SESSION_COOKIE = 'keyward_session';

/** Gives every request a correlation id, and the caller its session cookie stands for. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionService,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async use(request: KeywardRequest, response: Response, next: NextFunction): Promise<void> {
    request.correlationId = correlationIdOf(request, () => this.ids.newId());
    response.setHeader('X-Request-Id', request.correlationId);
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) {
      request.caller = (await this.sessions.callerFor(token)) ?? undefined;
    }
    next();
  }
}
