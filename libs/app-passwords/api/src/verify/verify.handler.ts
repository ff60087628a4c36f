import { Inject, Injectable, Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { isIP } from 'node:net';
import { APP_PASSWORD_SCOPES, type AppPasswordScope } from '@keyward/identity/domain';
import { clientAddressOf, correlationIdOf, gatewayTokenKey, ID_GENERATOR, KEYWARD_CONFIG, VERIFICATIONS, type IdGenerator, type KeywardConfig } from '@keyward/shared/server';
import { IdentifyMailClient, VerifyAppPassword, type VerificationResult } from '@keyward/app-passwords/application';
import { storageFailureOf } from '@keyward/shared/event-store';
import { parseBasicAuthorization } from './basic-credentials';

const PRINTABLE = /^[\x20-\x7e]{1,128}$/;
/** At most this many refusals held back at once; past it they are answered at once. */
const MAX_HELD_REFUSALS = 10_000;

/**
 * The gateways' endpoint, `/verify`: nginx `auth_request` (GET with Basic credentials) and mail
 * servers' password databases (POST JSON). 204 on success, 401 on any failure with no hint why,
 * 429 when throttled (DESIGN.md section 8). Public: the gateway asks on behalf of a client, and
 * the answer itself is the check, throttled and recorded as an event.
 *
 * It is mounted in front of the whole Nest pipeline (serve.ts), because it is the hot path: a mail
 * client's every sign-in, thousands a second. It takes only what it needs of a request, writes no
 * access log line (every answer is an event already), and lets the use case check the
 * gateway's permission against the permission table.
 */
@Injectable()
export class VerifyHandler {
  private readonly json = express.json({ limit: '8kb' });
  private readonly logger = new Logger('Verify');
  private heldRefusals = 0;

  constructor(
    private readonly verification: VerifyAppPassword,
    private readonly identification: IdentifyMailClient,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** The Express middleware for `/verify`. */
  readonly middleware: RequestHandler = (request, response) => {
    this.stamp(request, response);
    const failed = (error: unknown) => this.fail(response, error);
    if (request.method === 'GET') return void this.verifyBasic(request, response).catch(failed);
    if (request.method === 'POST') return this.json(request, response, (error?: unknown) => (error ? failed(error) : void this.verifyJson(request, response).catch(failed)));
    response.setHeader('Allow', 'GET, POST');
    response.status(405).json({ message: 'Use GET with Basic credentials, or POST JSON.' });
  };

  /**
   * `POST /verify/client`: a mail relay reports the name a client gave with `EHLO` after its
   * sign-in (`IdentifyMailClient`). Only a gateway whose token proves its name may, and only for
   * sign-ins it recorded itself. 204 when a sign-in was named, 404 when none awaits a name.
   */
  readonly clientMiddleware: RequestHandler = (request, response) => {
    this.stamp(request, response);
    response.setHeader('Cache-Control', 'no-store');
    const failed = (error: unknown) => this.fail(response, error);
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return void response.status(405).json({ message: 'Use POST with JSON {"userPrincipalName", "clientIp", "client", "protocol"}.' });
    }
    this.json(request, response, (error?: unknown) => (error ? failed(error) : void this.identifyClient(request, response).catch(failed)));
  };

  private async identifyClient(request: Request, response: Response): Promise<void> {
    const { userPrincipalName, clientIp, client, protocol } = (request.body ?? {}) as Record<string, unknown>;
    const scope = protocol === undefined ? 'smtp' : protocolOf(protocol);
    const isValid =
      typeof userPrincipalName === 'string' &&
      userPrincipalName.length > 0 &&
      userPrincipalName.length <= 320 &&
      typeof clientIp === 'string' &&
      isIP(clientIp) !== 0 &&
      typeof client === 'string' &&
      PRINTABLE.test(client) &&
      scope !== null;
    if (!isValid) {
      return void response.status(400).json({ message: 'Send JSON {"userPrincipalName", "clientIp" (an address), "client" (1-128 printable characters), "protocol" (default smtp)}.' });
    }
    const origin = this.origin(request);
    if (!origin.gateway.proven) return void response.status(403).json({ message: 'Only a gateway that sends its token (X-Keyward-Gateway-Token) may name clients.' });
    if (!this.isFromProxy(request)) return void response.status(403).json({ message: 'Only a trusted proxy (KEYWARD_TRUSTED_PROXIES) may report where a client is.' });
    const outcome = await this.identification.identify({ userPrincipalName, protocol: scope, sourceIp: clientIp, client, gateway: origin.gateway, correlationId: origin.correlationId });
    if (outcome === 'identified') return void response.status(204).end();
    response.status(404).json({ message: 'No recent sign-in of this user from this address through this gateway awaits a client name.' });
  }

  /** The request's correlation id (CorrelationIdMiddleware's work: these routes run ahead of Nest), echoed as X-Request-Id. */
  private stamp(request: Request, response: Response): void {
    const correlationId = correlationIdOf(request, this.config, () => this.ids.newId());
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.setHeader('X-Request-Id', correlationId);
  }

  private isFromProxy(request: Request): boolean {
    return request.socket.remoteAddress !== undefined && this.config.isTrustedProxy(request.socket.remoteAddress);
  }

  /**
   * A client's mistake the body parser caught keeps its status; a store that cannot write (a full
   * or read-only data directory) is 503 with Retry-After, so that the gateway denies for now and
   * tries again, and one clear log line; anything else is logged and answered without details.
   */
  private fail(response: Response, error: unknown): void {
    const status = (error as { status?: unknown; expose?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose) {
      return void response.status(status).json({ message: (error as Error).message });
    }
    const storage = storageFailureOf(error);
    if (storage) {
      this.logger.error({ msg: `verification cannot be recorded: ${storage}; answering 503 until it can` });
      if (response.headersSent) return;
      response.setHeader('Retry-After', '5');
      return void response.status(503).json({ message: 'Verification is unavailable right now; retry later.' });
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (!response.headersSent) response.status(500).json({ message: 'Internal error' });
  }

  private async verifyBasic(request: Request, response: Response): Promise<void> {
    const protocol = protocolOf(request.headers['x-keyward-protocol']);
    if (!protocol) return void response.status(400).json({ message: 'X-Keyward-Protocol must be one of imap, pop, smtp, http.' });
    const credentials = parseBasicAuthorization(request.headers.authorization);
    if (!credentials) {
      VERIFICATIONS.inc({ outcome: 'rejected', reason: 'MALFORMED_CREDENTIALS', protocol });
      return this.answer(response, { result: 'rejected', reason: 'MALFORMED_CREDENTIALS' });
    }
    const result = await this.verification.verify({ userPrincipalName: credentials.userName, password: credentials.password, protocol, ...this.origin(request) });
    this.answer(response, result);
  }

  private async verifyJson(request: Request, response: Response): Promise<void> {
    const { userPrincipalName, password, protocol, clientIp } = (request.body ?? {}) as Record<string, unknown>;
    const scope = protocolOf(protocol);
    const isValid =
      typeof userPrincipalName === 'string' &&
      typeof password === 'string' &&
      userPrincipalName.length > 0 &&
      userPrincipalName.length <= 320 &&
      password.length <= 1024 &&
      scope !== null &&
      (clientIp === undefined || clientIp === null || typeof clientIp === 'string');
    if (!isValid) return void response.status(400).json({ message: 'Send JSON {"userPrincipalName", "password", "protocol", "clientIp"}.' });
    const origin = this.origin(request);
    // Only a trusted proxy may say where the client is, and only with an address.
    const sourceIp = this.isFromProxy(request) && typeof clientIp === 'string' && isIP(clientIp) !== 0 ? clientIp : origin.sourceIp;
    const result = await this.verification.verify({ userPrincipalName, password, protocol: scope, ...origin, sourceIp });
    this.answer(response, result);
  }

  private origin(request: Request) {
    const client = request.headers['x-keyward-client'];
    // A gateway's name is proven by its token, never taken from what the request says.
    const token = request.headers['x-keyward-gateway-token'];
    const name = typeof token === 'string' && token.length <= 256 ? this.config.gatewayTokens.get(gatewayTokenKey(token)) : undefined;
    return {
      sourceIp: clientAddressOf(request, this.config),
      client: typeof client === 'string' && PRINTABLE.test(client) ? client : null,
      gateway: { kind: 'gateway' as const, name: name ?? 'verify', proven: name !== undefined },
      correlationId: (request as Request & { correlationId: string }).correlationId,
    };
  }

  private answer(response: Response, result: VerificationResult): void {
    response.setHeader('Cache-Control', 'no-store');
    switch (result.result) {
      case 'accepted':
        response.setHeader('X-Keyward-User', result.userPrincipalName);
        response.setHeader('X-Keyward-Credential', result.appPasswordId);
        response.status(204).end();
        return;
      case 'throttled':
        response.setHeader('Retry-After', String(result.retryAfterSeconds));
        return this.afterPause(response, result.retryAfterSeconds, () => response.status(429).json({ message: 'Too many failed attempts; retry later.' }));
      case 'overloaded':
        response.setHeader('Retry-After', String(result.retryAfterSeconds));
        return this.afterPause(response, result.retryAfterSeconds, () => response.status(503).json({ message: 'Busy; retry in a moment.' }));
      case 'rejected':
        response.setHeader('WWW-Authenticate', 'Basic realm="keyward"');
        response.status(401).json({ message: 'Unauthorized' });
        return;
    }
  }

  /**
   * Sends a refusal (429, 503) after a pause of up to KEYWARD_REFUSAL_PAUSE_MS, never longer than
   * its Retry-After: a client that resends the moment it is answered then sends once a pause, not
   * thousands of times a second, so a flood stops taking the event loop from real sign-ins.
   * Holding an answer costs a timer and a socket, no CPU; past MAX_HELD_REFUSALS they go at once.
   */
  private afterPause(response: Response, retryAfterSeconds: number, send: () => void): void {
    const pauseMs = Math.min(this.config.refusalPauseMs, retryAfterSeconds * 1000);
    if (pauseMs <= 0 || this.heldRefusals >= MAX_HELD_REFUSALS) return send();
    this.heldRefusals++;
    setTimeout(() => {
      this.heldRefusals--;
      if (!response.destroyed) send();
    }, pauseMs).unref();
  }
}

/** Routes `/verify` and `/verify/client` to the handler; everything else goes on to the Nest pipeline. */
export function verifyRoute(handler: VerifyHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.path === '/verify') return handler.middleware(request, response, next);
    if (request.path === '/verify/client') return handler.clientMiddleware(request, response, next);
    return next();
  };
}

function protocolOf(value: unknown): AppPasswordScope | null {
  if (value === undefined) return 'http';
  return typeof value === 'string' && (APP_PASSWORD_SCOPES as readonly string[]).includes(value.toLowerCase())
    ? (value.toLowerCase() as AppPasswordScope)
    : null;
}
