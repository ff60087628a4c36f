import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandContext } from '@keyward/shared/domain';
import { Connection, DateTimeScalar, pageSize, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { AppleProfileLinks, CurrentCommandContext, CurrentPrincipal, Requires, UserModel, type KeywardRequest } from '@keyward/identity/api';
import { GetUserQuery } from '@keyward/identity/read-models';
import { Directory } from '@keyward/identity/application';
import { statusAt, type ExistingAppPassword } from '@keyward/app-passwords/domain';
import {
  GenerateAppPasswordCommand,
  RenameAppPasswordCommand,
  RevokeAppPasswordCommand,
  RevokeUserAppPasswordsCommand,
  type GeneratedAppPassword,
} from '@keyward/app-passwords/application';
import {
  DEFAULT_APP_PASSWORD_SORT,
  GetAppPasswordQuery,
  GetAppPasswordsQuery,
  GetAppPasswordsAsOfQuery,
  GetCredentialUsageQuery,
  GetSignInAttemptsQuery,
  type AppPasswordListItem,
  type AppPasswordPage,
  type CredentialUsage,
  type SignInAttemptPage,
} from '@keyward/app-passwords/read-models';
import {
  AppPasswordFilter,
  AppPasswordModel,
  AppPasswordSort,
  GenerateAppPasswordInput,
  GeneratedAppPasswordModel,
  RenameAppPasswordInput,
  RevokeAppPasswordInput,
  RevokeUserAppPasswordsInput,
} from './app-password.model';
import { CredentialUsageModel, SignInAttemptModel, SignInOutcomeEnum } from './usage.model';

const AppPasswordConnection = Connection(AppPasswordModel, 'AppPassword');
export const SignInAttemptConnection = Connection(SignInAttemptModel, 'SignInAttempt');

@Resolver(() => AppPasswordModel)
export class AppPasswordsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly profiles: AppleProfileLinks,
    private readonly directory: Directory,
  ) {}

  @Query(() => AppPasswordConnection, { description: "The tenant's app passwords (a user's own, for role USER), newest first." })
  @Requires('appPasswords.read')
  async appPasswords(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('filter', { type: () => AppPasswordFilter, nullable: true }) filter: AppPasswordFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('sort', { type: () => AppPasswordSort, nullable: true, description: 'Default: newest first.' }) sort: AppPasswordSort | null,
  ) {
    const page: AppPasswordPage = await this.queries.execute(
      new GetAppPasswordsQuery(principal, filter ?? {}, pageSize(first), after ?? null, sort ?? DEFAULT_APP_PASSWORD_SORT),
    );
    return toConnection(page);
  }

  @Query(() => AppPasswordConnection, {
    description:
      'The inventory as it stood at `at` (not in the future, not before the tenant existed): statuses, owners and labels then, and last use and use count as known then. ' +
      "Takes appPasswords' filters and sorts, each applied as of `at`: sign-in filters and the sorts by use count the sign-ins up to `at`, and usedFromAddress's window ends at `at`.",
  })
  @Requires('appPasswords.read')
  async appPasswordsAsOf(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('at', { type: () => DateTimeScalar }) at: Date,
    @Args('filter', { type: () => AppPasswordFilter, nullable: true }) filter: AppPasswordFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('sort', { type: () => AppPasswordSort, nullable: true, description: 'Default: newest first.' }) sort: AppPasswordSort | null,
  ) {
    const page: AppPasswordPage = await this.queries.execute(
      new GetAppPasswordsAsOfQuery(principal, at, filter ?? {}, pageSize(first), after ?? null, sort ?? DEFAULT_APP_PASSWORD_SORT),
    );
    return toConnection(page);
  }

  @Query(() => AppPasswordModel, { nullable: true })
  @Requires('appPasswords.read')
  appPassword(@CurrentPrincipal() principal: UserPrincipal, @Args('id', { type: () => ID }) id: string): Promise<AppPasswordListItem | null> {
    return this.queries.execute(new GetAppPasswordQuery(principal, id));
  }

  @ResolveField(() => UserModel)
  user(@CurrentPrincipal() principal: UserPrincipal, @Parent() appPassword: AppPasswordModel) {
    return this.queries.execute(new GetUserQuery(principal, appPassword.userId));
  }

  @ResolveField(() => SignInAttemptConnection, { description: 'Sign-in attempts with this app password, newest first.' })
  async signIns(
    @CurrentPrincipal() principal: UserPrincipal,
    @Parent() appPassword: AppPasswordModel,
    @Args('outcome', { type: () => SignInOutcomeEnum, nullable: true }) outcome: 'USED' | 'REJECTED' | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: SignInAttemptPage = await this.queries.execute(
      new GetSignInAttemptsQuery(principal, { appPasswordId: appPassword.id }, outcome ?? null, pageSize(first), after ?? null),
    );
    return toConnection(page);
  }

  @ResolveField(() => CredentialUsageModel, { description: 'Source addresses, and attempts per day over the last `days` days.' })
  usage(
    @CurrentPrincipal() principal: UserPrincipal,
    @Parent() appPassword: AppPasswordModel,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
  ): Promise<CredentialUsage> {
    return this.queries.execute(new GetCredentialUsageQuery(principal, appPassword.id, days));
  }

  @Mutation(() => GeneratedAppPasswordModel, { description: 'The only place the secret ever appears.' })
  @Requires('appPasswords.generate')
  async generateAppPassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: GenerateAppPasswordInput,
    @Context('req') request: KeywardRequest,
  ): Promise<GeneratedAppPasswordModel> {
    const generated: GeneratedAppPassword = await this.commands.execute(new GenerateAppPasswordCommand(input, principal, context));
    // A profile only for one's own new app password: an admin generating for someone hands over the secret, not a device set-up.
    const isOwn = generated.appPassword.userId === principal.userId;
    const label = generated.appPassword.label;
    const appleProfileUrl = isOwn
      ? this.profiles.linkFor(request, { userPrincipalName: principal.userPrincipalName, label, secret: generated.secret }, await this.directory.tenantOf(principal))
      : null;
    return { appPassword: await this.view(principal, generated.appPassword, context), secret: generated.secret, appleProfileUrl };
  }

  @Mutation(() => AppPasswordModel)
  @Requires('appPasswords.revoke')
  async revokeAppPassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: RevokeAppPasswordInput,
  ): Promise<AppPasswordModel> {
    const state = await this.commands.execute(new RevokeAppPasswordCommand(input.id, input.reason, input.incidentRef ?? null, principal, context));
    return this.view(principal, state, context);
  }

  @Mutation(() => AppPasswordModel)
  @Requires('appPasswords.rename')
  async renameAppPassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: RenameAppPasswordInput,
  ): Promise<AppPasswordModel> {
    const state = await this.commands.execute(new RenameAppPasswordCommand(input.id, input.label, principal, context));
    return this.view(principal, state, context);
  }

  @Mutation(() => [AppPasswordModel], { description: "Revokes every active app password of a user; returns those it revoked." })
  @Requires('appPasswords.revoke')
  async revokeUserAppPasswords(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: RevokeUserAppPasswordsInput,
  ): Promise<AppPasswordModel[]> {
    const revoked: ExistingAppPassword[] = await this.commands.execute(
      new RevokeUserAppPasswordsCommand(input.userId, input.reason, input.incidentRef ?? null, principal, context),
    );
    return Promise.all(revoked.map((state) => this.view(principal, state, context)));
  }

  /** The state a command left, over the read model's row (which may not have caught up yet). */
  private async view(principal: UserPrincipal, state: ExistingAppPassword, context: CommandContext): Promise<AppPasswordModel> {
    const row: AppPasswordListItem | null = await this.queries.execute(new GetAppPasswordQuery(principal, state.appPasswordId));
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
