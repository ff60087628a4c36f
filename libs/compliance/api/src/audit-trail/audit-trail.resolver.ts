import { Args, Field, ID, InputType, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';

import { Connection, DateTimeScalar, JsonScalar, pageSize, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentPrincipal, Requires } from '@keyward/identity/api';
import { GetApiTokenActorQuery, GetUserQuery, type UserListItem } from '@keyward/identity/read-models';
import { GetAuditEventsQuery, type AuditEventPage } from '@keyward/compliance/read-models';

@ObjectType('AuditEvent', { description: 'One event of the tenant’s history. Hashes are never included.' })
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field() type!: string;
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field({ description: 'user:<id>, system:<process> or gateway:<name>' }) actor!: string;
  @Field() streamId!: string;
  @Field() correlationId!: string;
  @Field(() => String, { nullable: true, description: 'The client address of the request that caused it (a console or API call, a sign-in), where there was one.' }) sourceIp!: string | null;
  @Field(() => JsonScalar) data!: unknown;
}

@InputType()
export class AuditEventFilter {
  @Field(() => [String], { nullable: true }) types?: string[] | null;
  @Field(() => String, { nullable: true }) streamId?: string | null;
  @Field(() => String, { nullable: true }) actor?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, inclusive.' }) occurredAfter?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601, exclusive.' }) occurredBefore?: string | null;
}

const AuditEventConnection = Connection(AuditEventModel, 'AuditEvent');

@Resolver(() => AuditEventModel)
export class AuditTrailResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => AuditEventConnection, { description: "The tenant's events in the order they happened." })
  @Requires('auditTrail.read')
  async auditEvents(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('filter', { type: () => AuditEventFilter, nullable: true }) filter: AuditEventFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: AuditEventPage = await this.queries.execute(new GetAuditEventsQuery(principal, filter ?? {}, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @ResolveField(() => String, {
    description: "Who acted, for people: a user's principal name, an API token's name and creator (`Nightly export (API token of audrey@contoso.example)`), or the actor as recorded.",
  })
  async actorName(@CurrentPrincipal() principal: UserPrincipal, @Parent() event: AuditEventModel): Promise<string> {
    if (event.actor.startsWith('token:')) {
      const token: { name: string; userPrincipalName: string } | null = await this.queries.execute(new GetApiTokenActorQuery(principal, event.actor.slice('token:'.length)));
      return token ? `${token.name} (API token of ${token.userPrincipalName})` : event.actor;
    }
    if (!event.actor.startsWith('user:')) return event.actor;
    const user: UserListItem | null = await this.queries.execute(new GetUserQuery(principal, event.actor.slice('user:'.length)));
    return user?.userPrincipalName ?? event.actor;
  }
}
