import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, toConnection } from '@keyward/shared/server';
import type { Caller } from '@keyward/identity/domain';
import { CurrentCaller, CurrentCommandContext, UserModel } from '@keyward/identity/api';
import { GetUserQuery } from '@keyward/identity/read-models';
import { statusAt, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import {
  GenerateAppPasswordCommand,
  RenameAppPasswordCommand,
  RevokeAppPasswordCommand,
  type GeneratedAppPassword,
} from '@keyward/app-passwords/application';
import {
  GetAppPasswordQuery,
  GetAppPasswordsQuery,
  type AppPasswordListItem,
  type AppPasswordPage,
} from '@keyward/app-passwords/read-models';
import {
  AppPasswordFilter,
  AppPasswordModel,
  GenerateAppPasswordInput,
  GeneratedAppPasswordModel,
  RenameAppPasswordInput,
  RevokeAppPasswordInput,
} from './app-password.model';

const AppPasswordConnection = Connection(AppPasswordModel, 'AppPassword');

@Resolver(() => AppPasswordModel)
export class AppPasswordsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => AppPasswordConnection, { description: "The tenant's app passwords (a user's own, for role USER), newest first." })
  async appPasswords(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AppPasswordFilter, nullable: true }) filter: AppPasswordFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: AppPasswordPage = await this.queries.execute(new GetAppPasswordsQuery(caller, filter ?? {}, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @Query(() => AppPasswordModel, { nullable: true })
  appPassword(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<AppPasswordListItem | null> {
    return this.queries.execute(new GetAppPasswordQuery(caller, id));
  }

  @ResolveField(() => UserModel)
  user(@CurrentCaller() caller: Caller, @Parent() appPassword: AppPasswordModel) {
    return this.queries.execute(new GetUserQuery(caller, appPassword.userId));
  }

  @Mutation(() => GeneratedAppPasswordModel, { description: 'The only place the secret ever appears.' })
  async generateAppPassword(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: GenerateAppPasswordInput,
  ): Promise<GeneratedAppPasswordModel> {
    const generated: GeneratedAppPassword = await this.commands.execute(new GenerateAppPasswordCommand(input, caller, context));
    return { appPassword: await this.view(caller, generated.appPassword, context), secret: generated.secret };
  }

  @Mutation(() => AppPasswordModel)
  async revokeAppPassword(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: RevokeAppPasswordInput,
  ): Promise<AppPasswordModel> {
    const state = await this.commands.execute(new RevokeAppPasswordCommand(input.id, input.reason, input.incidentRef ?? null, caller, context));
    return this.view(caller, state, context);
  }

  @Mutation(() => AppPasswordModel)
  async renameAppPassword(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: RenameAppPasswordInput,
  ): Promise<AppPasswordModel> {
    const state = await this.commands.execute(new RenameAppPasswordCommand(input.id, input.label, caller, context));
    return this.view(caller, state, context);
  }

  /** The state a command left, over the read model's row (which may not have caught up yet). */
  private async view(caller: Caller, state: ExistingAppPassword, context: CommandContext): Promise<AppPasswordModel> {
    const row: AppPasswordListItem | null = await this.queries.execute(new GetAppPasswordQuery(caller, state.appPasswordId));
    return {
      createdAt: context.now.toISOString(),
      createdBy: context.actor,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      lastUsedAt: null,
      lastUsedIp: null,
      lastUsedProtocol: null,
      lastUsedClient: null,
      useCount: 0,
      ...row,
      ...(state.status === 'REVOKED' ? { revokeReason: state.revokeReason ?? null, revokedAt: row?.revokedAt ?? context.now.toISOString() } : {}),
      id: state.appPasswordId,
      userId: state.userId,
      label: state.label,
      scopes: state.scopes,
      expiresAt: state.expiresAt,
      status: statusAt(state, context.now),
    };
  }
}
