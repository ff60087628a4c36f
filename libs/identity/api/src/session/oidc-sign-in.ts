import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type * as OpenIdClient from 'openid-client';
import { CLOCK, KEYWARD_CONFIG, type Clock, type KeywardConfig } from '@keyward/shared/server';
import { isDomainError, type CommandContext } from '@keyward/shared/domain';
import { ChangeUserRolesCommand, Directory, ProvisionUserCommand, SecondFactorService, SessionService, type DirectoryChange } from '@keyward/identity/application';
import { actorOf, isRole, parseUserPrincipalName, systemPrincipal, userIdFor, type ExistingUser, type Role } from '@keyward/identity/domain';
import { GetTenantIdForDomainQuery, IsTenantProvisionedQuery } from '@keyward/identity/read-models';

/** What a started sign-in keeps in the browser until the provider sends it back (signed, ten minutes). */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
  returnTo: string;
  /** A step-up: the provider must have authenticated the user just now. */
  reauthenticate?: boolean;
}

const FLOW_MS = 10 * 60_000;
/** How recent a step-up's authentication at the provider must be (auth_time), allowing for clock skew. */
const REAUTHENTICATION_SECONDS = 120;

/** An OAuth 2.0 error code (RFC 6749 4.1.2.1, 5.2) and what to tell the person signing in. */
export class SsoRefused extends Error {
  constructor(
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

export type SsoResult = { token: string; returnTo: string };

/**
 * Console single sign-on with OpenID Connect (openid-client): the authorization code flow with
 * PKCE, state and nonce. The flow's secrets travel in a cookie signed with a key derived from the
 * client secret, so any node can finish a sign-in another started. The user is found by the ID
 * token's `preferred_username` (or `upn`, or `email`), in the tenant that owns its domain; the
 * `roles` claim, when the token has one, sets their console roles. A user who does not exist is
 * created only when no directory provisions the tenant (SCIM).
 */
@Injectable()
export class OidcSignIn {
  private readonly logger = new Logger('SingleSignOn');
  private configuration: Promise<OpenIdClient.Configuration> | null = null;

  constructor(
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly directory: Directory,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly secondFactors: SecondFactorService,
  ) {}

  get isEnabled(): boolean {
    return this.config.oidc !== undefined;
  }

  /** The provider's address to send the browser to, and the cookie that remembers the flow. */
  /**
   * `reauthenticate`: a step-up (DESIGN §8) for a session single sign-on opened: the provider must
   * authenticate the user again now (prompt=login, max_age=0), and the answer is taken only with a
   * fresh auth_time.
   */
  async start(origin: string, returnTo: string | undefined, reauthenticate = false): Promise<{ url: string; cookie: string }> {
    const client = openIdClient();
    const configuration = await this.discovered();
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expiresAt: this.clock.now().getTime() + FLOW_MS,
      returnTo: safeReturnTo(returnTo),
      ...(reauthenticate ? { reauthenticate: true } : {}),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: `${origin}/auth/oidc/callback`,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
      ...(reauthenticate ? { prompt: 'login', max_age: '0' } : {}),
    });
    return { url: url.href, cookie: this.sign(flow) };
  }

  /** Finishes a sign-in the provider sent back: a session token, or SsoRefused with the OAuth error. */
  async finish(callbackUrl: URL, cookie: string | undefined, correlationId: string): Promise<SsoResult> {
    const flow = this.verified(cookie);
    const sent = callbackUrl.searchParams;
    const error = sent.get('error');
    if (error !== null) throw new SsoRefused(/^[a-z_]{1,64}$/.test(error) ? error : 'access_denied', 'The identity provider did not sign you in.');
    if (sent.get('state') !== flow.state) throw new SsoRefused('invalid_request', 'The answer does not belong to the sign-in this browser started (state). Start again.');
    const client = openIdClient();
    let claims: OpenIdClient.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(await this.discovered(), callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (failure) {
      const code = (failure as { error?: unknown }).error;
      this.logger.warn(`The provider's answer was refused: ${(failure as Error).message}`);
      throw new SsoRefused(typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? code : 'invalid_grant', 'The identity provider\'s answer could not be verified. Start again.');
    }
    if (!claims) throw new SsoRefused('invalid_grant', 'The identity provider sent no ID token.');
    if (flow.reauthenticate && !(typeof claims.auth_time === 'number' && this.clock.now().getTime() / 1000 - claims.auth_time <= REAUTHENTICATION_SECONDS)) {
      throw new SsoRefused('login_required', 'The identity provider did not confirm who you are just now (auth_time). Try again.');
    }
    const user = await this.userFor(claims, correlationId);
    return { token: this.sessions.openSsoSession(user), returnTo: flow.returnTo };
  }

  private async userFor(claims: OpenIdClient.IDToken, correlationId: string): Promise<ExistingUser> {
    const name = [claims['preferred_username'], claims['upn'], claims['email']].find((value): value is string => typeof value === 'string');
    const upn = name ? parseUserPrincipalName(name) : null;
    if (!upn) throw new SsoRefused('access_denied', 'The identity provider named no user principal name (preferred_username, upn or email).');
    const tenantId: string | null = await this.queries.execute(new GetTenantIdForDomainQuery(upn.domain));
    if (!tenantId) throw new SsoRefused('access_denied', `No tenant of this Keyward has the domain ${upn.domain}.`);
    const principal = systemPrincipal('oidc-sign-in', tenantId);
    const context: CommandContext = { actor: actorOf(principal), tenantId, now: this.clock.now(), correlationId };
    const roles = this.rolesOf(claims);
    let user = await this.directory.user(userIdFor(upn.value));
    // A user the directory deleted stays out: single sign-on does not bring them back.
    if (user.status !== 'none' && user.deprovisioned) throw new SsoRefused('access_denied', `${upn.value} was removed by your directory.`);
    if (user.status === 'none') {
      if (await this.queries.execute(new IsTenantProvisionedQuery(tenantId))) {
        throw new SsoRefused('access_denied', `${upn.value} is not provisioned in Keyward: your directory creates its users.`);
      }
      const displayName = typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'] : upn.value;
      const email = typeof claims['email'] === 'string' ? claims['email'] : null;
      const profile = { externalId: null, givenName: stringClaim(claims['given_name']), familyName: stringClaim(claims['family_name']), email };
      const created: DirectoryChange = await this.commands
        .execute(new ProvisionUserCommand(upn.value, { displayName, profile, active: true }, 'sign-in', principal, context))
        .catch((failure: unknown) => {
          throw isDomainError(failure) ? new SsoRefused('access_denied', failure.message) : failure;
        });
      user = created.user;
    }
    if (user.status !== 'enabled' || user.tenantId !== tenantId) throw new SsoRefused('access_denied', `${upn.value} is disabled in Keyward.`);
    if (roles !== null) {
      const changed: DirectoryChange = await this.commands.execute(new ChangeUserRolesCommand(user.userId, { set: roles }, principal, context));
      user = changed.user;
    }
    // RFC 8176: the provider says how the user authenticated; "mfa" is what makes mfaRegistered true for app passwords.
    const amr = claims['amr'];
    if (Array.isArray(amr) && amr.includes('mfa')) user = await this.secondFactors.attestByIdentityProvider(user as ExistingUser, context);
    return user as ExistingUser;
  }

  /** The console roles the ID token's `roles` claim grants (always USER too), or null when it has no such claim. */
  private rolesOf(claims: OpenIdClient.IDToken): Role[] | null {
    const values = claims['roles'];
    if (!Array.isArray(values)) return null;
    const granted = Object.entries(this.config.oidc?.roleValues ?? {})
      .filter(([, value]) => values.includes(value))
      .map(([role]) => role)
      .filter(isRole);
    return [...new Set<Role>(['USER', ...granted])];
  }

  private discovered(): Promise<OpenIdClient.Configuration> {
    const settings = this.config.oidc;
    if (!settings) throw new SsoRefused('unauthorized_client', 'Single sign-on is not configured.');
    if (!this.configuration) {
      const client = openIdClient();
      const issuer = new URL(settings.issuer);
      // http only for a provider on this machine (tests); the configuration refuses it anywhere else.
      const options = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
      this.configuration = client.discovery(issuer, settings.clientId, undefined, client.ClientSecretPost(settings.clientSecret), options).catch((failure: unknown) => {
        this.configuration = null;
        this.logger.error(`The identity provider ${settings.issuer} could not be reached: ${(failure as Error).message}`);
        throw new SsoRefused('temporarily_unavailable', 'The identity provider cannot be reached; try again in a moment.');
      });
    }
    return this.configuration;
  }

  private key(): Buffer {
    return createHmac('sha256', this.config.oidc?.clientSecret ?? randomUUID()).update('keyward oidc flow cookie').digest();
  }

  private sign(flow: Flow): string {
    const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
    return `${payload}.${createHmac('sha256', this.key()).update(payload).digest('base64url')}`;
  }

  private verified(cookie: string | undefined): Flow {
    const [payload, signature] = (cookie ?? '').split('.');
    const expected = payload ? createHmac('sha256', this.key()).update(payload).digest() : null;
    const given = signature ? Buffer.from(signature, 'base64url') : null;
    if (!expected || !given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new SsoRefused('invalid_request', 'This browser started no sign-in, or it was started elsewhere. Start again.');
    }
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Flow;
    if (flow.expiresAt < this.clock.now().getTime()) throw new SsoRefused('invalid_request', 'The sign-in took longer than ten minutes. Start again.');
    return flow;
  }
}

/**
 * openid-client is an ES module; it is loaded when single sign-on is first used (Node 20 requires
 * ES modules), so that nothing loads it where single sign-on is not configured.
 */
function openIdClient(): typeof OpenIdClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('openid-client');
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** Where to go after signing in: a path of this console, never another site. */
function safeReturnTo(returnTo: string | undefined): string {
  return typeof returnTo === 'string' && /^\/(?![/\\])[\x21-\x7e]{0,500}$/.test(returnTo) ? returnTo : '/';
}
