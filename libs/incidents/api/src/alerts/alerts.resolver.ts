import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { notFound, type CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, readModelsSettled, SubscriberHost, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, Requires, UserModel } from '@keyward/identity/api';
import { GetUserQuery } from '@keyward/identity/read-models';
import { AppPasswordModel } from '@keyward/app-passwords/api';
import { GetAppPasswordQuery, type AppPasswordListItem } from '@keyward/app-passwords/read-models';
import { Alerts } from '@keyward/incidents/application';
import { GetAlertQuery, GetAlertsQuery, type AlertView, type Page } from '@keyward/incidents/read-models';
import { AlertFilter, AlertModel } from './alert.model';

const AlertConnection = Connection(AlertModel, 'Alert');

@Resolver(() => AlertModel)
export class AlertsResolver {
  constructor(
    private readonly alertsUseCase: Alerts,
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
  ) {}

  @Query(() => AlertConnection, { description: "The tenant's alerts, the most recently seen first." })
  @Requires('incidents.read')
  async alerts(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('filter', { type: () => AlertFilter, nullable: true }) filter: AlertFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<AlertView> = await this.queries.execute(new GetAlertsQuery(principal, filter ?? {}, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @Mutation(() => AlertModel, { description: 'Marks the alert as seen to; acknowledging it again changes nothing. Repeats still count.' })
  @Requires('alerts.acknowledge')
  async acknowledgeAlert(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('id', { type: () => ID }) id: string): Promise<AlertView> {
    await this.alertsUseCase.acknowledge(principal, id, context);
    await readModelsSettled(this.subscribers);
    const found: AlertView | null = await this.queries.execute(new GetAlertQuery(principal, id));
    if (!found) throw notFound('No such alert.');
    return found;
  }

  @ResolveField(() => AppPasswordModel, { nullable: true, description: 'The app password it is about, as the inventory shows it now.' })
  appPassword(@CurrentPrincipal() principal: UserPrincipal, @Parent() alert: AlertView): Promise<AppPasswordListItem | null> | null {
    return alert.appPasswordId ? this.queries.execute(new GetAppPasswordQuery(principal, alert.appPasswordId)) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The account it is about, when it exists.' })
  user(@CurrentPrincipal() principal: UserPrincipal, @Parent() alert: AlertView) {
    return alert.userId ? this.queries.execute(new GetUserQuery(principal, alert.userId)) : null;
  }
}
