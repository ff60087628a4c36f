import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, toConnection } from '@keyward/shared/server';
import { CreateUserCommand, ResetUserPasswordCommand, SetUserEnabledCommand } from '@keyward/identity/application';
import type { Caller, ExistingUser } from '@keyward/identity/domain';
import { GetUserQuery, GetUsersQuery, type Page, type UserListItem } from '@keyward/identity/read-models';
import { CurrentCaller, CurrentCommandContext } from '../session/current-caller';
import { CreateUserInput, ResetUserPasswordInput, UserFilter, UserModel } from './user.model';

const UserConnection = Connection(UserModel, 'User');

function fromAggregate(user: ExistingUser): UserModel {
  return {
    id: user.userId,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    roles: user.roles,
    mfaRegistered: user.mfaRegistered,
    isEnabled: user.status === 'enabled',
    createdAt: null,
  };
}

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => UserModel, { description: 'The signed-in user.' })
  async me(@CurrentCaller() caller: Caller): Promise<UserListItem | null> {
    return this.queries.execute(new GetUserQuery(caller, caller.userId));
  }

  @Query(() => UserModel, { nullable: true })
  user(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<UserListItem | null> {
    return this.queries.execute(new GetUserQuery(caller, id));
  }

  @Query(() => UserConnection)
  async users(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => UserFilter, nullable: true }) filter: UserFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<UserListItem> = await this.queries.execute(new GetUsersQuery(caller, filter ?? {}, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @Mutation(() => UserModel)
  async createUser(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new CreateUserCommand(input, caller, context)));
  }

  @Mutation(() => UserModel)
  async disableUser(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new SetUserEnabledCommand(id, false, caller, context)));
  }

  @Mutation(() => UserModel)
  async enableUser(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new SetUserEnabledCommand(id, true, caller, context)));
  }

  @Mutation(() => UserModel, { description: "Sets a user's console password (global admins); may revoke their app passwords, as the policy says." })
  async resetUserPassword(
    @CurrentCaller() caller: Caller,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: ResetUserPasswordInput,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new ResetUserPasswordCommand(input.userId, input.password, caller, context)));
  }
}
