import { assertUnreachable, badInput, conflict, forbidden, notFound, policyViolation, requireLine, type DomainEvent } from '@keyward/shared/domain';
import type { Role } from '../role';

export const apiTokenStreamId = (apiTokenId: string) => `apiToken-${apiTokenId}`;

/** How long a token lives when its creator does not say. */
export const DEFAULT_API_TOKEN_DAYS = 90;
/** The longest a token may live in any tenant (a tenant's policy may say less: `maxApiTokenDays`). */
export const MAX_API_TOKEN_DAYS = 365;
/** A token's last use is written at most this often (it is read on every request). */
export const API_TOKEN_USE_INTERVAL_MS = 3_600_000;

export type ApiTokenCreated = DomainEvent<
  'ApiTokenCreated',
  {
    apiTokenId: string;
    tenantId: string;
    /** The creator, whom the token acts as. */
    userId: string;
    name: string;
    /** At most one of the creator's roles, and only while the creator holds it. */
    role: Role;
    expiresAt: string;
    /** SHA-256 of the token: never leaves the server. */
    tokenHash: string;
  }
>;
export type ApiTokenRevoked = DomainEvent<'ApiTokenRevoked', { apiTokenId: string }>;
/** The token was used (written at most once an hour per token and node). */
export type ApiTokenUsed = DomainEvent<'ApiTokenUsed', { apiTokenId: string; usedAt: string }>;
export type ApiTokenEvent = ApiTokenCreated | ApiTokenRevoked | ApiTokenUsed;

/** What creating a token needs to know of its creator, read by the handler. */
export interface TokenCreator {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly Role[];
  readonly isEnabled: boolean;
}

export type CreateApiToken = {
  type: 'CreateApiToken';
  data: {
    apiTokenId: string;
    creator: TokenCreator;
    name: string;
    role: Role;
    expiresInDays?: number | null;
    /** The tenant policy's longest lifetime (MAX_API_TOKEN_DAYS when left out). */
    maxDays?: number;
    tokenHash: string;
    now: Date;
  };
};
export type RevokeApiToken = { type: 'RevokeApiToken' };
export type RecordApiTokenUse = { type: 'RecordApiTokenUse'; data: { now: Date } };
export type ApiTokenCommand = CreateApiToken | RevokeApiToken | RecordApiTokenUse;

export type ApiTokenStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';
export type ApiToken = { status: 'none' } | (ApiTokenCreated['data'] & { status: 'ACTIVE' | 'REVOKED'; lastUsedAt: string | null });
export type ExistingApiToken = Exclude<ApiToken, { status: 'none' }>;

/** The status as of `now`: an active token past its expiry is expired. */
export function apiTokenStatusAt(state: Pick<ExistingApiToken, 'status' | 'expiresAt'>, now: Date): ApiTokenStatus {
  return state.status === 'ACTIVE' && Date.parse(state.expiresAt) <= now.getTime() ? 'EXPIRED' : state.status;
}

const DAY_MS = 86_400_000;

export const apiTokenDecider = {
  initialState: (): ApiToken => ({ status: 'none' }),

  decide(command: ApiTokenCommand, state: ApiToken): ApiTokenEvent[] {
    switch (command.type) {
      case 'CreateApiToken':
        if (state.status !== 'none') throw conflict('This API token exists already.');
        return [create(command.data)];
      case 'RevokeApiToken': {
        const existing = requireToken(state);
        return existing.status === 'REVOKED' ? [] : [{ type: 'ApiTokenRevoked', data: { apiTokenId: existing.apiTokenId } }];
      }
      case 'RecordApiTokenUse': {
        const existing = requireToken(state);
        const now = command.data.now.getTime();
        const isDue = existing.lastUsedAt === null || now - Date.parse(existing.lastUsedAt) >= API_TOKEN_USE_INTERVAL_MS;
        return apiTokenStatusAt(existing, command.data.now) === 'ACTIVE' && isDue
          ? [{ type: 'ApiTokenUsed', data: { apiTokenId: existing.apiTokenId, usedAt: command.data.now.toISOString() } }]
          : [];
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: ApiToken, event: ApiTokenEvent): ApiToken {
    switch (event.type) {
      case 'ApiTokenCreated':
        return { ...event.data, status: 'ACTIVE', lastUsedAt: null };
      case 'ApiTokenRevoked':
        return state.status === 'none' ? state : { ...state, status: 'REVOKED' };
      case 'ApiTokenUsed':
        return state.status === 'none' ? state : { ...state, lastUsedAt: event.data.usedAt };
      default:
        return assertUnreachable(event);
    }
  },
};

function create(data: CreateApiToken['data']): ApiTokenCreated {
  const { creator } = data;
  if (!creator.isEnabled) throw policyViolation('A disabled user cannot create API tokens.');
  if (!creator.roles.includes(data.role)) throw forbidden(`A token acts with at most its creator's roles: you do not hold ${data.role}.`);
  const maxDays = Math.min(data.maxDays ?? MAX_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS);
  const days = data.expiresInDays ?? Math.min(DEFAULT_API_TOKEN_DAYS, maxDays);
  if (!Number.isInteger(days) || days < 1) throw badInput(`expiresInDays must be a whole number from 1 to ${maxDays}.`);
  if (days > maxDays) throw policyViolation(`The tenant's policy allows API tokens of at most ${maxDays} days.`, { maxApiTokenDays: maxDays });
  const expiresAt = data.now.getTime() + days * DAY_MS;
  if (!Number.isFinite(expiresAt)) throw badInput('The expiry cannot be computed from this time.');
  return {
    type: 'ApiTokenCreated',
    data: {
      apiTokenId: data.apiTokenId,
      tenantId: creator.tenantId,
      userId: creator.userId,
      name: requireLine(data.name, 100, 'The name must be 1 to 100 characters on one line, without control or invisible characters.'),
      role: data.role,
      expiresAt: new Date(expiresAt).toISOString(),
      tokenHash: data.tokenHash,
    },
  };
}

function requireToken(state: ApiToken): ExistingApiToken {
  if (state.status === 'none') throw notFound('No such API token.');
  return state;
}
