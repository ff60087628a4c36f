import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, readModelsSettled, SubscriberHost, toConnection } from '@keyward/shared/server';
import { CreateApiTokenCommand, RevokeApiTokenCommand, type CreatedApiToken } from '@keyward/identity/application';
import { apiTokenStatusAt, type UserPrincipal } from '@keyward/identity/domain';
import { GetApiTokenQuery, GetApiTokensQuery, type ApiTokenListItem, type Page } from '@keyward/identity/read-models';
import { CurrentCommandContext, CurrentPrincipal } from '../authorization/current-principal.decorator';
import { Requires } from '../authorization/requires.decorator';
import { ApiTokenModel, CreateApiTokenInput, CreatedApiTokenModel } from './api-token.model';

const ApiTokenConnection = Connection(ApiTokenModel, 'ApiToken');

function fromListItem(item: ApiTokenListItem, now: Date): ApiTokenModel {
  return { ...item, status: apiTokenStatusAt({ status: item.revokedAt ? 'REVOKED' : 'ACTIVE', expiresAt: item.expiresAt }, now) };
}

@Resolver(() => ApiTokenModel)
export class ApiTokensResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
  ) {}

  /** The token as the list shows it, once this node's read model holds what the command wrote. */
  private async listed(principal: UserPrincipal, apiTokenId: string, now: Date): Promise<ApiTokenModel> {
    await readModelsSettled(this.subscribers);
    const item: ApiTokenListItem | null = await this.queries.execute(new GetApiTokenQuery(principal, apiTokenId));
    if (!item) throw new Error(`API token ${apiTokenId} is not in this node's read model yet.`);
    return fromListItem(item, now);
  }

  @Query(() => ApiTokenConnection, { description: "API tokens, newest first: a global admin's the tenant's, anyone else's their own." })
  @Requires('apiTokens.read')
  async apiTokens(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<ApiTokenListItem> = await this.queries.execute(new GetApiTokensQuery(principal, pageSize(first), after ?? null));
    const now = new Date();
    return toConnection({ ...page, items: page.items.map(({ item, cursor }) => ({ item: fromListItem(item, now), cursor })) });
  }

  @Mutation(() => CreatedApiTokenModel, { description: 'A token that acts as you with one of your roles; the token is shown this once. Not with a token.' })
  @Requires('apiTokens.create')
  async createApiToken(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: CreateApiTokenInput,
  ): Promise<CreatedApiTokenModel> {
    const created: CreatedApiToken = await this.commands.execute(new CreateApiTokenCommand(input, principal, context));
    return { apiToken: await this.listed(principal, created.apiToken.apiTokenId, context.now), token: created.token };
  }

  @Mutation(() => ApiTokenModel, { description: 'Revokes a token (your own; a global admin any of the tenant): it stops working at once.' })
  @Requires('apiTokens.revoke')
  async revokeApiToken(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ApiTokenModel> {
    await this.commands.execute(new RevokeApiTokenCommand(id, principal, context));
    return this.listed(principal, id, context.now);
  }
}
