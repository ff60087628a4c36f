import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ApiTokenAuthenticator, SessionService } from '@keyward/identity/application';
import { bearerOf, clientAddressOf, KEYWARD_CONFIG, type KeywardConfig } from '@keyward/shared/server';
import type { KeywardRequest } from '../authorization/current-principal.decorator';

export const SESSION_COOKIE = 'keyward_session';

/**
 * Attaches the principal the request stands for: an API token (`Authorization: Bearer kwt_…`),
 * or else a console session cookie. A token that does not work leaves the request anonymous (the
 * permission guard answers UNAUTHENTICATED); too many wrong tokens from one address get 429.
 */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokenAuthenticator,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  async use(request: KeywardRequest, response: Response, next: NextFunction): Promise<void> {
    const bearer = bearerOf(request.headers.authorization);
    if (bearer !== null) {
      const result = await this.apiTokens.authenticate(bearer, clientAddressOf(request, this.config));
      if (result.outcome === 'throttled') {
        response.setHeader('Retry-After', String(result.retryAfterSeconds));
        return void response.status(429).json({ message: 'Too many wrong API tokens; retry later.' });
      }
      request.principal = result.outcome === 'accepted' ? result.principal : undefined;
      return next();
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) {
      request.principal = (await this.sessions.principalFor(token)) ?? undefined;
    }
    next();
  }
}
