import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { notFound, type CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, readModelsSettled, SubscriberHost, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, Requires } from '@keyward/identity/api';
import { AppPasswordModel } from '@keyward/app-passwords/api';
import { GetAppPasswordQuery, type AppPasswordListItem } from '@keyward/app-passwords/read-models';
import type { CaseAction, CaseOutcome } from '@keyward/incidents/domain';
import { RevocationCases } from '@keyward/incidents/application';
import { GetCaseOutcomesQuery, GetRevocationCaseQuery, GetRevocationCasesQuery, type CaseOutcomeView, type Page, type RevocationCaseView } from '@keyward/incidents/read-models';
import { BulkRevokeInput, CaseOutcomeEnum, ReinstateAppPasswordsInput, RevocationCaseModel, RevocationOutcomeModel } from './revocation-case.model';

const RevocationCaseConnection = Connection(RevocationCaseModel, 'RevocationCase');
const RevocationOutcomeConnection = Connection(RevocationOutcomeModel, 'RevocationOutcome');

@Resolver(() => RevocationCaseModel)
export class RevocationCasesResolver {
  constructor(
    private readonly cases: RevocationCases,
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
  ) {}

  @Mutation(() => RevocationCaseModel, {
    description: 'Revokes every ACTIVE app password the filter matches, as one recorded case (a preview with dryRun). The case runs on; follow it with revocationCase.',
  })
  @Requires('incidents.respond')
  revokeAppPasswords(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('input') input: BulkRevokeInput): Promise<RevocationCaseView> {
    return this.open(principal, 'REVOKE', input, context);
  }

  @Mutation(() => RevocationCaseModel, { description: 'As revokeAppPasswords, but each credential becomes SUSPENDED: it never verifies until the case is reinstated.' })
  @Requires('incidents.respond')
  suspendAppPasswords(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('input') input: BulkRevokeInput): Promise<RevocationCaseView> {
    return this.open(principal, 'SUSPEND', input, context);
  }

  @Mutation(() => RevocationCaseModel, { description: "Makes the case's suspended app passwords ACTIVE again (those since revoked or expired stay so)." })
  @Requires('incidents.respond')
  async reinstateAppPasswords(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: ReinstateAppPasswordsInput,
  ): Promise<RevocationCaseView> {
    await this.cases.reinstate(principal, input.caseId, input.reason, context);
    return this.read(principal, input.caseId);
  }

  @Mutation(() => RevocationCaseModel, { description: 'Stops a running case; what was done stays done and recorded.' })
  @Requires('incidents.respond')
  async cancelRevocationCase(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('id', { type: () => ID }) id: string): Promise<RevocationCaseView> {
    await this.cases.cancel(principal, id, context);
    return this.read(principal, id);
  }

  @Query(() => RevocationCaseModel, { nullable: true })
  @Requires('incidents.read')
  revocationCase(@CurrentPrincipal() principal: UserPrincipal, @Args('id', { type: () => ID }) id: string): Promise<RevocationCaseView | null> {
    return this.queries.execute(new GetRevocationCaseQuery(principal, id));
  }

  @Query(() => RevocationCaseConnection, { description: "The tenant's revocation cases, newest first (dry runs included)." })
  @Requires('incidents.read')
  async revocationCases(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<RevocationCaseView> = await this.queries.execute(new GetRevocationCasesQuery(principal, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @ResolveField(() => RevocationOutcomeConnection, { description: 'One outcome per credential, in the order they were recorded.' })
  async outcomes(
    @Parent() revocationCase: RevocationCaseView,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('outcome', { type: () => CaseOutcomeEnum, nullable: true, description: 'Only this kind (the failures, say).' }) outcome: CaseOutcome | null,
  ) {
    const page: Page<CaseOutcomeView> = await this.queries.execute(new GetCaseOutcomesQuery(revocationCase.id, outcome ?? null, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @ResolveField(() => [AppPasswordModel], { description: 'A few of the matched app passwords: what the query reaches.' })
  async sample(@CurrentPrincipal() principal: UserPrincipal, @Parent() revocationCase: RevocationCaseView): Promise<AppPasswordListItem[]> {
    const found: (AppPasswordListItem | null)[] = await Promise.all(revocationCase.sample.map((id) => this.queries.execute(new GetAppPasswordQuery(principal, id))));
    return found.filter((item): item is AppPasswordListItem => item !== null);
  }

  private async open(principal: UserPrincipal, action: CaseAction, input: BulkRevokeInput, context: CommandContext): Promise<RevocationCaseView> {
    const caseId = await this.cases.request(
      principal,
      { action, filter: input.filter, reason: input.reason, incidentRef: input.incidentRef, isDryRun: input.dryRun ?? false, expectedMatched: input.expectedMatched },
      context,
    );
    return this.read(principal, caseId);
  }

  /** The case as the read model has it once it holds what was just written. */
  private async read(principal: UserPrincipal, caseId: string): Promise<RevocationCaseView> {
    await readModelsSettled(this.subscribers);
    const found: RevocationCaseView | null = await this.queries.execute(new GetRevocationCaseQuery(principal, caseId));
    if (!found) throw notFound('No such revocation case.');
    return found;
  }
}

@Resolver(() => RevocationOutcomeModel)
export class RevocationOutcomesResolver {
  constructor(private readonly queries: QueryBus) {}

  @ResolveField(() => AppPasswordModel, { nullable: true, description: 'The credential, as the inventory shows it now.' })
  appPassword(@CurrentPrincipal() principal: UserPrincipal, @Parent() outcome: CaseOutcomeView): Promise<AppPasswordListItem | null> {
    return this.queries.execute(new GetAppPasswordQuery(principal, outcome.appPasswordId));
  }
}
