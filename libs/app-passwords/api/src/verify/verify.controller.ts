import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { isIP } from 'node:net';
import type { Response } from 'express';
import { APP_PASSWORD_SCOPES, type AppPasswordScope } from '@keyward/identity/domain';
import { clientAddressOf, KEYWARD_CONFIG, type KeywardConfig } from '@keyward/shared/server';
import { Public, type KeywardRequest } from '@keyward/identity/api';
import { VerifyAppPassword, type VerificationResult } from '@keyward/app-passwords/application';
import { parseBasicAuthorization } from './basic-credentials';

const PRINTABLE = /^[\x20-\x7e]{1,128}$/;
const GATEWAY_NAME = /^[a-z0-9-]{1,32}$/;

/**
 * The gateways' endpoint: nginx `auth_request` (GET with Basic credentials) and mail servers'
 * password databases (POST JSON). 204 on success, 401 on any failure with no hint why, 429 when
 * throttled. This is the contract in DESIGN.md section 8.
 */
@Controller('verify')
@Public('Gateways ask on behalf of a mail client or an HTTP client; the answer itself is the check, throttled and recorded.')
export class VerifyController {
  constructor(
    private readonly verification: VerifyAppPassword,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @Get()
  async verifyBasic(@Req() request: KeywardRequest, @Res() response: Response): Promise<void> {
    const protocol = protocolOf(request.headers['x-keyward-protocol']);
    if (!protocol) return void response.status(400).json({ message: 'X-Keyward-Protocol must be one of imap, pop, smtp, http.' });
    const credentials = parseBasicAuthorization(request.headers.authorization);
    if (!credentials) return this.answer(response, { result: 'rejected' });
    const result = await this.verification.verify({
      userPrincipalName: credentials.userName,
      password: credentials.password,
      protocol,
      ...this.origin(request),
    });
    this.answer(response, result);
  }

  @Post()
  async verifyJson(@Req() request: KeywardRequest, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const { userPrincipalName, password, protocol, clientIp } = (body ?? {}) as Record<string, unknown>;
    const scope = protocolOf(protocol);
    const isValid =
      typeof userPrincipalName === 'string' &&
      typeof password === 'string' &&
      userPrincipalName.length > 0 &&
      userPrincipalName.length <= 320 &&
      password.length <= 1024 &&
      scope !== null &&
      (clientIp === undefined || clientIp === null || typeof clientIp === 'string');
    if (!isValid) {
      return void response.status(400).json({ message: 'Send JSON {"userPrincipalName", "password", "protocol", "clientIp"}.' });
    }
    const origin = this.origin(request);
    const isFromProxy = request.socket.remoteAddress !== undefined && this.config.trustedProxies.includes(request.socket.remoteAddress);
    // Only a trusted proxy may say where the client is, and only with an address.
    const sourceIp = isFromProxy && typeof clientIp === 'string' && isIP(clientIp) !== 0 ? clientIp : origin.sourceIp;
    const result = await this.verification.verify({ userPrincipalName, password, protocol: scope, ...origin, sourceIp });
    this.answer(response, result);
  }

  private origin(request: KeywardRequest) {
    const client = request.headers['x-keyward-client'];
    const gateway = request.headers['x-keyward-gateway'];
    return {
      sourceIp: clientAddressOf(request, this.config.trustedProxies),
      client: typeof client === 'string' && PRINTABLE.test(client) ? client : null,
      gateway: { kind: 'gateway' as const, name: typeof gateway === 'string' && GATEWAY_NAME.test(gateway) ? gateway : 'verify' },
      correlationId: request.correlationId,
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
        response.status(429).json({ message: 'Too many failed attempts; retry later.' });
        return;
      case 'rejected':
        response.setHeader('WWW-Authenticate', 'Basic realm="keyward"');
        response.status(401).json({ message: 'Unauthorized' });
        return;
    }
  }
}

function protocolOf(value: unknown): AppPasswordScope | null {
  if (value === undefined) return 'http';
  return typeof value === 'string' && (APP_PASSWORD_SCOPES as readonly string[]).includes(value.toLowerCase())
    ? (value.toLowerCase() as AppPasswordScope)
    : null;
}
