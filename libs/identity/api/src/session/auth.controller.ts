import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { SessionService } from '@keyward/identity/application';
import { clientAddressOf, KEYWARD_CONFIG, publicOriginOf, type KeywardConfig } from '@keyward/shared/server';
import type { KeywardRequest } from '../authorization/current-principal.decorator';
import { Public } from '../authorization/requires.decorator';
import { OidcSignIn, SsoRefused } from './oidc-sign-in';
import { SESSION_COOKIE } from './session.middleware';

/** The single sign-on flow's state, nonce and PKCE verifier, signed, between the start and the provider's answer. */
const SSO_FLOW_COOKIE = 'keyward_sso_flow';

/** The console's sign-in page, showing the OAuth error (RFC 6749) single sign-on ended with. */
function refusedLocation(error: SsoRefused): string {
  return `/sign-in?${new URLSearchParams({ error: error.error, error_description: error.message })}`;
}

/** Console sign-in and sign-out. */
@Controller('auth')
@Public('Signing in and out is what a session starts and ends with.')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    private readonly sso: OidcSignIn,
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
    if (result.outcome === 'sso-required') throw new ForbiddenException('Your organisation signs in to Keyward with single sign-on: use "Sign in with single sign-on".');
    this.startSession(request, response, result.token);
    return { status: 'signed-in' };
  }

  /** How the console's sign-in page offers to sign in: with a password, and with single sign-on when it is configured. */
  @Get('methods')
  methods() {
    return { password: true, singleSignOn: this.sso.isEnabled };
  }

  /** Starts single sign-on: the browser goes to the identity provider (authorization code flow with PKCE). */
  @Get('oidc/login')
  async ssoLogin(@Req() request: KeywardRequest, @Query('returnTo') returnTo: string | undefined, @Res() response: Response): Promise<void> {
    if (!this.sso.isEnabled) throw new NotFoundException('Single sign-on is not configured (KEYWARD_OIDC_ISSUER).');
    try {
      const { url, cookie } = await this.sso.start(publicOriginOf(request, this.config), returnTo);
      // Lax: the provider's redirect back is a navigation from another site.
      response.cookie(SSO_FLOW_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/auth/oidc', maxAge: 10 * 60_000 });
      response.redirect(303, url);
    } catch (error) {
      if (!(error instanceof SsoRefused)) throw error;
      response.redirect(303, refusedLocation(error));
    }
  }

  /** Where the identity provider sends the browser back: a session, or the sign-in page with the OAuth error. */
  @Get('oidc/callback')
  async ssoCallback(@Req() request: KeywardRequest, @Res() response: Response): Promise<void> {
    const flow = request.cookies?.[SSO_FLOW_COOKIE];
    response.clearCookie(SSO_FLOW_COOKIE, { path: '/auth/oidc' });
    try {
      const { token, returnTo } = await this.sso.finish(new URL(request.originalUrl, publicOriginOf(request, this.config)), typeof flow === 'string' ? flow : undefined, request.correlationId);
      this.startSession(request, response, token);
      response.redirect(303, returnTo);
    } catch (error) {
      if (!(error instanceof SsoRefused)) throw error;
      response.redirect(303, refusedLocation(error));
    }
  }

  /** Sets the session cookie; the session the browser held before is over: one cookie, one session. */
  private startSession(request: KeywardRequest, response: Response, token: string): void {
    const previous = request.cookies?.[SESSION_COOKIE];
    if (typeof previous === 'string') this.sessions.signOut(previous);
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      path: '/',
      maxAge: this.config.sessionMaxMs,
    });
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Req() request: KeywardRequest, @Res({ passthrough: true }) response: Response): void {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') this.sessions.signOut(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
