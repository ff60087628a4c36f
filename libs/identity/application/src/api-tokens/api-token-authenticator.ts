import { Inject, Injectable, Logger } from '@nestjs/common';
import { Aggregates } from '@keyward/shared/event-sourcing';
import { FailureThrottle } from '@keyward/shared/security';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '@keyward/shared/server';
import {
  API_TOKEN_USE_INTERVAL_MS,
  apiTokenDecider,
  apiTokenIdOf,
  apiTokenStatusAt,
  apiTokenStreamId,
  isApiTokenHash,
  type ApiToken,
  type ExistingApiToken,
  type UserPrincipal,
} from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

/** What presenting a token came to. */
export type TokenAuthentication = { readonly outcome: 'accepted'; readonly principal: UserPrincipal } | { readonly outcome: 'refused' } | { readonly outcome: 'throttled'; readonly retryAfterSeconds: number };

/**
 * `Authorization: Bearer kwt_…`: the principal an API token stands for. State is read from the
 * token's and its creator's streams at every request, so a revocation, an expiry, a disabled
 * creator or a role the creator lost stops it at once, on every node. Wrong tokens are throttled
 * by address like sign-ins; a malformed one costs no read. Its last use is written at most once
 * an hour.
 */
@Injectable()
export class ApiTokenAuthenticator {
  private readonly logger = new Logger('ApiTokens');
  private readonly throttle = new FailureThrottle({ accountFailuresBeforeDelay: 10, addressFailures: 100, addressWindowSeconds: 900 });

  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async authenticate(token: string, sourceIp: string | null): Promise<TokenAuthentication> {
    const apiTokenId = token.length <= 100 ? apiTokenIdOf(token) : null;
    const ticket = this.throttle.begin(apiTokenId, sourceIp);
    if (ticket.waitSeconds > 0) return { outcome: 'throttled', retryAfterSeconds: ticket.waitSeconds };
    try {
      const principal = apiTokenId ? await this.principalOf(apiTokenId, token) : null;
      if (!principal) {
        ticket.failed();
        return { outcome: 'refused' };
      }
      ticket.succeeded();
      return { outcome: 'accepted', principal };
    } finally {
      ticket.abandoned();
    }
  }

  private async principalOf(apiTokenId: string, token: string): Promise<UserPrincipal | null> {
    const state: ApiToken = await this.aggregates.load(apiTokenStreamId(apiTokenId), apiTokenDecider);
    const now = this.clock.now();
    if (state.status === 'none' || !isApiTokenHash(token, state.tokenHash) || apiTokenStatusAt(state, now) !== 'ACTIVE') return null;
    const creator = await this.directory.user(state.userId);
    if (creator.status !== 'enabled' || !creator.roles.includes(state.role)) return null;
    this.noteUse(state, now);
    return { kind: 'user', userId: creator.userId, tenantId: creator.tenantId, userPrincipalName: creator.userPrincipalName, roles: [state.role], apiTokenId };
  }

  /** The last use, written in the background (a request never waits for it) at most once an hour. */
  private noteUse(state: ExistingApiToken, now: Date): void {
    if (state.lastUsedAt !== null && now.getTime() - Date.parse(state.lastUsedAt) < API_TOKEN_USE_INTERVAL_MS) return;
    const context = { actor: `token:${state.apiTokenId}` as const, tenantId: state.tenantId, now, correlationId: this.ids.newId() };
    this.aggregates
      .handle(apiTokenStreamId(state.apiTokenId), apiTokenDecider, { type: 'RecordApiTokenUse', data: { now } }, context)
      .catch((error: unknown) => this.logger.warn({ msg: "an API token's last use could not be written", apiTokenId: state.apiTokenId, error: String(error) }));
  }
}
