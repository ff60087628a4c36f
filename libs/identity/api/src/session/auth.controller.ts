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
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { SecondFactorService, SessionService, type SecondFactorAttempt, type SecondFactorChoice } from '@keyward/identity/application';
import { clientAddressOf, KEYWARD_CONFIG, publicOriginOf, relyingPartyOf, type KeywardConfig, type RelyingParty } from '@keyward/shared/server';
import type { KeywardRequest } from '../authorization/current-principal.decorator';
import { Public } from '../authorization/requires.decorator';
import { OidcSignIn, SsoRefused } from './oidc-sign-in';
import { SESSION_COOKIE } from './session.middleware';

/**
 * Passkey challenges one address may ask for a minute (per node): each is a row kept for five
 * minutes, so a flood would otherwise grow the table for everyone.
 */
const PASSKEY_CHALLENGES_PER_MINUTE = 30;

/** The single sign-on flow's state, nonce and PKCE verifier, signed, between the start and the provider's answer. */
const SSO_FLOW_COOKIE = 'keyward_sso_flow';

/** The 401 of a sign-in or step-up whose password was right but whose second factor was missing or wrong (one answer for both). */
function secondFactorRequired(factors: SecondFactorChoice): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'second_factor_required',
    message: 'Enter the 6-digit code from your authenticator app or a recovery code (otp), or use your passkey.',
    secondFactor: factors,
  });
}

/** The optional second factor of a sign-in or step-up body: `otp` (a TOTP or recovery code) or `passkey` (a WebAuthn assertion). */
function attemptOf(body: Record<string, unknown>, relyingParty: RelyingParty, correlationId: string): SecondFactorAttempt {
  const { otp, passkey } = body;
  if (otp !== undefined && (typeof otp !== 'string' || otp.length > 64)) throw new BadRequestException('otp must be the code as a string.');
  if (passkey !== undefined && (typeof passkey !== 'object' || passkey === null)) throw new BadRequestException('passkey must be the WebAuthn assertion (a JSON object).');
  return { ...(otp === undefined ? {} : { otp }), ...(passkey === undefined ? {} : { passkey }), relyingParty, correlationId };
}

/** The console's sign-in page, showing the OAuth error (RFC 6749) single sign-on ended with. */
function refusedLocation(error: SsoRefused): string {
  return `/sign-in?${new URLSearchParams({ error: error.error, error_description: error.message })}`;
}

/** Console sign-in and sign-out. */
@Controller('auth')
@Public('Signing in and out is what a session starts and ends with.')
export class AuthController {
  private readonly passkeyChallenges = new RateLimiterMemory({ points: PASSKEY_CHALLENGES_PER_MINUTE, duration: 60 });

  constructor(
    private readonly sessions: SessionService,
    private readonly sso: OidcSignIn,
    private readonly secondFactors: SecondFactorService,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Req() request: KeywardRequest, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const fields = (body ?? {}) as Record<string, unknown>;
    const { userPrincipalName, password } = fields;
    if (typeof userPrincipalName !== 'string' || typeof password !== 'string' || password.length > 1024) {
      throw new BadRequestException('Send JSON {"userPrincipalName": "...", "password": "...", "otp": "..." when you have a second factor}.');
    }
    const attempt = attemptOf(fields, this.relyingParty(request), request.correlationId);
    const result = await this.sessions.signIn(userPrincipalName, password, clientAddressOf(request, this.config), attempt);
    if (result.outcome === 'throttled') {
      response.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpException('Too many failed sign-ins; retry later.', HttpStatus.TOO_MANY_REQUESTS);
    }
    // One answer for an unknown user, a disabled user and a wrong password.
    if (result.outcome === 'refused') throw new UnauthorizedException('The user name or password is wrong.');
    if (result.outcome === 'sso-required') throw new ForbiddenException('Your organisation signs in to Keyward with single sign-on: use "Sign in with single sign-on".');
    if (result.outcome === 'second-factor-required') throw secondFactorRequired(result.factors);
    this.startSession(request, response, result.token);
    return { status: 'signed-in', secondFactor: result.mfa };
  }

  /**
   * Confirms the signed-in user again before sensitive operations (DESIGN §8): JSON
   * `{"password", "otp"?}` (or `"passkey"`) → 200, and for KEYWARD_STEP_UP_SECONDS the session
   * may generate app passwords, revoke in bulk, export, change the policy and create API tokens.
   */
  @Post('step-up')
  @HttpCode(200)
  async stepUp(@Req() request: KeywardRequest, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const fields = (body ?? {}) as Record<string, unknown>;
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length === 0) throw new UnauthorizedException('Sign in first.');
    if (typeof fields.password !== 'string' || fields.password.length > 1024) throw new BadRequestException('Send JSON {"password": "...", "otp": "..." when you have a second factor}.');
    const attempt = attemptOf(fields, this.relyingParty(request), request.correlationId);
    const result = await this.sessions.stepUp(token, fields.password, clientAddressOf(request, this.config), attempt);
    if (result.outcome === 'throttled') {
      response.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpException('Too many failed attempts; retry later.', HttpStatus.TOO_MANY_REQUESTS);
    }
    if (result.outcome === 'refused') throw new UnauthorizedException('The password is wrong, or the session is over.');
    if (result.outcome === 'second-factor-required') throw secondFactorRequired(result.factors);
    return { status: 'stepped-up', validForSeconds: this.config.stepUpMs / 1000 };
  }

  /** A challenge for signing in (or stepping up) with a passkey: WebAuthn request options naming no user. */
  @Post('passkey/options')
  @HttpCode(200)
  async passkeyOptions(@Req() request: KeywardRequest, @Res({ passthrough: true }) response: Response) {
    try {
      await this.passkeyChallenges.consume(clientAddressOf(request, this.config) ?? 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))));
      throw new HttpException('Too many passkey sign-ins from this address; retry later.', HttpStatus.TOO_MANY_REQUESTS);
    }
    return this.secondFactors.passkeySignInOptions(this.relyingParty(request));
  }

  private relyingParty(request: KeywardRequest): RelyingParty {
    return relyingPartyOf(request, this.config);
  }

  /** How the console's sign-in page offers to sign in: with a password, and with single sign-on when it is configured. */
  @Get('methods')
  methods() {
    return { password: true, singleSignOn: this.sso.isEnabled };
  }

  /** Starts single sign-on: the browser goes to the identity provider (authorization code flow with PKCE). */
  @Get('oidc/login')
  async ssoLogin(
    @Req() request: KeywardRequest,
    @Query('returnTo') returnTo: string | undefined,
    @Query('reauthenticate') reauthenticate: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.sso.isEnabled) throw new NotFoundException('Single sign-on is not configured (KEYWARD_OIDC_ISSUER).');
    try {
      // reauthenticate=1: a step-up of a single sign-on session; the new session it opens is a recent authentication.
      const { url, cookie } = await this.sso.start(publicOriginOf(request, this.config), returnTo, reauthenticate === '1');
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
