import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { pageSize, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires, UserModel } from '@keyward/identity/api';
import { GetDashboardQuery, GetSignInAttemptsQuery, type Dashboard, type SignInAttemptPage } from '@keyward/app-passwords/read-models';
import { SignInAttemptConnection } from './app-passwords.resolver';
import { DashboardModel, SignInOutcomeEnum } from './usage.model';

/** The dashboard, and a user's sign-in timeline on `User`. */
@Resolver(() => UserModel)
export class UsageResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => DashboardModel, { description: 'The tenant at a glance (admins, auditors, incident responders).' })
  @Requires('dashboard.read')
  dashboard(@CurrentPrincipal() principal: UserPrincipal): Promise<Dashboard> {
    return this.queries.execute(new GetDashboardQuery(principal));
  }

  @ResolveField(() => SignInAttemptConnection, {
    description: "Sign-in attempts with the user's app passwords, and failures that named the user but matched no credential; newest first.",
  })
  async signIns(
    @CurrentPrincipal() principal: UserPrincipal,
    @Parent() user: UserModel,
    @Args('outcome', { type: () => SignInOutcomeEnum, nullable: true }) outcome: 'USED' | 'REJECTED' | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const subject = { userId: user.id, userPrincipalName: user.userPrincipalName };
    const page: SignInAttemptPage = await this.queries.execute(new GetSignInAttemptsQuery(principal, subject, outcome ?? null, pageSize(first), after ?? null));
    return toConnection(page);
  }
}
