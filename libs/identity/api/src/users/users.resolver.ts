import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, toConnection } from '@keyward/shared/server';
import { ChangeNoticePreferencesCommand, CreateUserCommand, Directory, EraseUserCommand, ResetUserPasswordCommand, SetUserEnabledCommand } from '@keyward/identity/application';
import { grantsOf, type ExistingUser, type UserPrincipal } from '@keyward/identity/domain';
import { GetUserQuery, GetUsersQuery, type Page, type UserListItem } from '@keyward/identity/read-models';
import { CurrentCommandContext, CurrentPrincipal } from '../authorization/current-principal.decorator';
import { Requires } from '../authorization/requires.decorator';
import { CreateUserInput, EraseUserDataInput, GrantModel, ResetUserPasswordInput, UserFilter, UserModel } from './user.model';

const UserConnection = Connection(UserModel, 'User');

export function fromAggregate(user: ExistingUser): UserModel {
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
    private readonly directory: Directory,
  ) {}

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Whether the user is mailed before an app password of theirs expires (only for oneself; revocation notices always come).',
  })
  async expiryReminders(@CurrentPrincipal() principal: UserPrincipal, @Parent() user: UserModel): Promise<boolean | null> {
    if (user.id !== principal.userId) return null;
    const state = await this.directory.user(user.id);
    return state.status === 'none' ? null : state.expiryReminders;
  }

  @Mutation(() => UserModel, { description: 'Turns one’s own expiry reminders on or off. Notices that an app password was revoked, suspended or leaked always come.' })
  @Requires('account.preferences')
  async changeNoticePreferences(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('expiryReminders') expiryReminders: boolean,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new ChangeNoticePreferencesCommand(expiryReminders, principal, context)));
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  @Requires('users.read')
  async me(@CurrentPrincipal() principal: UserPrincipal): Promise<UserListItem | null> {
    return this.queries.execute(new GetUserQuery(principal, principal.userId));
  }

  @Query(() => UserModel, { nullable: true })
  @Requires('users.read')
  user(@CurrentPrincipal() principal: UserPrincipal, @Args('id', { type: () => ID }) id: string): Promise<UserListItem | null> {
    return this.queries.execute(new GetUserQuery(principal, id));
  }

  @Query(() => UserConnection)
  @Requires('users.read')
  async users(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('filter', { type: () => UserFilter, nullable: true }) filter: UserFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<UserListItem> = await this.queries.execute(new GetUsersQuery(principal, filter ?? {}, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @ResolveField(() => [GrantModel], {
    description: 'What this user may do, from their roles (for `me`: what this session may do). The console shows only what is listed here.',
  })
  permissions(@CurrentPrincipal() principal: UserPrincipal, @Parent() user: UserModel): GrantModel[] {
    const subject: UserPrincipal = user.id === principal.userId ? principal : { ...principal, userId: user.id, roles: user.roles };
    return grantsOf(subject);
  }

  @Mutation(() => UserModel)
  @Requires('users.manage')
  async createUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new CreateUserCommand(input, principal, context)));
  }

  @Mutation(() => UserModel)
  @Requires('users.manage')
  async disableUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new SetUserEnabledCommand(id, false, principal, context)));
  }

  @Mutation(() => UserModel)
  @Requires('users.manage')
  async enableUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new SetUserEnabledCommand(id, true, principal, context)));
  }

  @Mutation(() => UserModel, {
    description:
      "Erases a departed (disabled) user's personal data from every view: their name becomes a pseudonym in users, app passwords, reviews, notices and reports. The signed audit log keeps its records (docs/compliance.md).",
  })
  @Requires('users.manage')
  async eraseUserData(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('input') input: EraseUserDataInput): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new EraseUserCommand(input.userId, input.reason, principal, context)));
  }

  @Mutation(() => UserModel, { description: "Sets a user's console password (global admins); may revoke their app passwords, as the policy says." })
  @Requires('users.manage')
  async resetUserPassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: ResetUserPasswordInput,
  ): Promise<UserModel> {
    return fromAggregate(await this.commands.execute(new ResetUserPasswordCommand(input.userId, input.password, principal, context)));
  }
}
