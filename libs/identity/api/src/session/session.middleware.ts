import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { SessionService } from '@keyward/identity/application';
import type { KeywardRequest } from '../authorization/current-principal.decorator';

export const SESSION_COOKIE = 'keyward_session';

/** Attaches the principal a console session cookie stands for. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionService) {}

  async use(request: KeywardRequest, _response: Response, next: NextFunction): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) {
      request.principal = (await this.sessions.principalFor(token)) ?? undefined;
    }
    next();
  }
}
