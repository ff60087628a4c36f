import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { badInput, forbidden, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import {
  apiTokenDecider,
  apiTokenStreamId,
  authorize,
  authorizeFound,
  isRole,
  maxApiTokenDaysOf,
  newApiToken,
  type ApiToken,
  type ExistingApiToken,
  type UserPrincipal,
} from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';

export interface CreateApiTokenInput {
  name: string;
  role: string;
  expiresInDays?: number | null;
}

/** A new token: its state, and the token itself, which is shown this once. */
export interface CreatedApiToken {
  readonly apiToken: ExistingApiToken;
  readonly token: string;
}

export class CreateApiTokenCommand {
  constructor(
    readonly input: CreateApiTokenInput,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

export class RevokeApiTokenCommand {
  constructor(
    readonly apiTokenId: string,
    readonly principal: UserPrincipal,
    readonly context: CommandContext,
  ) {}
}

/**
 * A token for the signed-in user, acting as them with one of their roles. A token cannot make
 * tokens: whoever holds one must not be able to give themselves a longer-lived one.
 */
@CommandHandler(CreateApiTokenCommand)
export class CreateApiTokenHandler implements ICommandHandler<CreateApiTokenCommand, CreatedApiToken> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly directory: Directory,
  ) {}

  async execute({ input, principal, context }: CreateApiTokenCommand): Promise<CreatedApiToken> {
    authorize(principal, 'apiTokens.create', { tenantId: principal.tenantId, ownerId: principal.userId });
    if (principal.apiTokenId) throw forbidden('An API token cannot create API tokens: sign in to the console.');
    if (!isRole(input.role)) throw badInput(`Unknown role: ${String(input.role)}`);
    const creator = await this.directory.user(principal.userId);
    if (creator.status === 'none') throw forbidden();
    const tenant = await this.directory.tenantOf(principal);
    const { apiTokenId, token, tokenHash } = newApiToken(randomBytes);
    const command = {
      type: 'CreateApiToken' as const,
      data: {
        apiTokenId,
        creator: { userId: creator.userId, tenantId: creator.tenantId, roles: creator.roles, isEnabled: creator.status === 'enabled' },
        name: input.name,
        role: input.role,
        expiresInDays: input.expiresInDays,
        maxDays: maxApiTokenDaysOf(tenant.policy),
        tokenHash,
        now: context.now,
      },
    };
    const { state } = await this.aggregates.handle(apiTokenStreamId(apiTokenId), apiTokenDecider, command, context);
    return { apiToken: state as ExistingApiToken, token };
  }
}

/** Revokes a token: its creator's own, or any of the tenant's for a global admin. It stops working at once, on every node. */
@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand, ExistingApiToken> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ apiTokenId, principal, context }: RevokeApiTokenCommand): Promise<ExistingApiToken> {
    const current: ApiToken = await this.aggregates.load(apiTokenStreamId(apiTokenId), apiTokenDecider);
    authorizeFound(principal, 'apiTokens.revoke', current.status === 'none' ? null : { tenantId: current.tenantId, ownerId: current.userId }, 'No such API token.');
    const { state } = await this.aggregates.handle(apiTokenStreamId(apiTokenId), apiTokenDecider, { type: 'RevokeApiToken' }, context);
    return state as ExistingApiToken;
  }
}
