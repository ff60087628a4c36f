import { BadRequestException, Body, Controller, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { SessionService } from '@keyward/identity/application';
import { clientAddressOf, KEYWARD_CONFIG, type KeywardConfig } from '@keyward/shared/server';
import type { KeywardRequest } from '../authorization/current-principal.decorator';
import { Public } from '../authorization/requires.decorator';
import { SESSION_COOKIE } from './session.middleware';

/** Console sign-in and sign-out. */
@Controller('auth')
@Public('Signing in and out is what a session starts and ends with.')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Req() request: KeywardRequest, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const { userPrincipalName, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof userPrincipalName !== 'string' || typeof password !== 'string' || password.length > 1024) {
      throw new BadRequestException('Send JSON {"userPrincipalName": "...", "password": "..."}.');
    }
    const result = await this.sessions.signIn(userPrincipalName, password, clientAddressOf(request, this.config));
    if (result.outcome === 'throttled') {
      response.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpException('Too many failed sign-ins; retry later.', HttpStatus.TOO_MANY_REQUESTS);
    }
    // One answer for an unknown user, a disabled user and a wrong password.
    if (result.outcome === 'refused') throw new UnauthorizedException('The user name or password is wrong.');
    // The session the browser held before is over: one cookie, one session.
    const previous = request.cookies?.[SESSION_COOKIE];
    if (typeof previous === 'string') this.sessions.signOut(previous);
    response.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      path: '/',
      maxAge: this.config.sessionMaxMs,
    });
    return { status: 'signed-in' };
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Req() request: KeywardRequest, @Res({ passthrough: true }) response: Response): void {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') this.sessions.signOut(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
