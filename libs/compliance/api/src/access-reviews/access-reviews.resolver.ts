import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { badInput, notFound, type CommandContext } from '@keyward/shared/domain';
import { Connection, pageSize, readModelsSettled, SubscriberHost, toConnection } from '@keyward/shared/server';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, Requires } from '@keyward/identity/api';
import { AppPasswordModel } from '@keyward/app-passwords/api';
import { GetAppPasswordQuery, type AppPasswordListItem } from '@keyward/app-passwords/read-models';
import { AccessReviews } from '@keyward/compliance/application';
import {
  GetAccessReviewItemQuery,
  GetAccessReviewItemsQuery,
  GetAccessReviewQuery,
  GetAccessReviewsQuery,
  type AccessReviewItemView,
  type AccessReviewView,
  type ItemSelection,
  type Page,
} from '@keyward/compliance/read-models';
import {
  AccessReviewItemModel,
  AccessReviewItemSelectionEnum,
  AccessReviewModel,
  AttestAccessReviewItemInput,
  DecideAccessReviewItemInput,
  DecideAccessReviewItemsInput,
  StartAccessReviewInput,
} from './access-review.model';

const AccessReviewConnection = Connection(AccessReviewModel, 'AccessReview');
const AccessReviewItemConnection = Connection(AccessReviewItemModel, 'AccessReviewItem');
/** The most items one bulk decision takes: a reviewer's screenful, not a whole review. */
const MAX_BULK_ITEMS = 500;

@Resolver(() => AccessReviewModel)
export class AccessReviewsResolver {
  constructor(
    private readonly reviews: AccessReviews,
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
  ) {}

  @Mutation(() => AccessReviewModel, { description: 'Starts a review of the ACTIVE app passwords the filter matches now; its items are fixed from this moment.' })
  @Requires('accessReviews.start')
  async startAccessReview(@CurrentPrincipal() principal: UserPrincipal, @CurrentCommandContext() context: CommandContext, @Args('input') input: StartAccessReviewInput): Promise<AccessReviewView> {
    const reviewId = await this.reviews.start(
      principal,
      {
        name: input.name,
        filter: input.filter ?? {},
        dueAt: input.dueAt,
        revokeUndecided: input.revokeUndecided ?? false,
        reviewerIds: input.reviewerIds ?? null,
        recurEveryDays: input.recurEveryDays ?? null,
      },
      context,
    );
    return this.read(principal, reviewId);
  }

  @Mutation(() => AccessReviewModel, { description: 'Stops a repeating review: no review follows the latest of its series. Stopping a stopped series changes nothing.' })
  @Requires('accessReviews.start')
  async stopAccessReviewRecurrence(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('reviewId', { type: () => ID }) reviewId: string,
  ): Promise<AccessReviewView> {
    await this.reviews.stopRecurrence(principal, reviewId, context);
    return this.read(principal, reviewId);
  }

  @Query(() => AccessReviewModel, { nullable: true })
  @Requires('accessReviews.read')
  accessReview(@CurrentPrincipal() principal: UserPrincipal, @Args('id', { type: () => ID }) id: string): Promise<AccessReviewView | null> {
    return this.queries.execute(new GetAccessReviewQuery(principal, id));
  }

  @Query(() => AccessReviewConnection, { description: "The tenant's reviews (or those one reviews or has an app password in), newest first." })
  @Requires('accessReviews.read')
  async accessReviews(
    @CurrentPrincipal() principal: UserPrincipal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page: Page<AccessReviewView> = await this.queries.execute(new GetAccessReviewsQuery(principal, pageSize(first), after ?? null));
    return toConnection(page);
  }

  @ResolveField(() => AccessReviewItemConnection, { description: 'The items in the order they were fixed. An owner who is no reviewer sees only their own.' })
  async items(
    @CurrentPrincipal() principal: UserPrincipal,
    @Parent() review: AccessReviewView,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('selection', { type: () => AccessReviewItemSelectionEnum, nullable: true, defaultValue: 'ALL' }) selection: ItemSelection,
  ) {
    const page: Page<AccessReviewItemView> = await this.queries.execute(new GetAccessReviewItemsQuery(principal, review, selection ?? 'ALL', pageSize(first), after ?? null));
    return toConnection(page);
  }

  private async read(principal: UserPrincipal, reviewId: string): Promise<AccessReviewView> {
    await readModelsSettled(this.subscribers);
    const found: AccessReviewView | null = await this.queries.execute(new GetAccessReviewQuery(principal, reviewId));
    if (!found) throw notFound('No such access review.');
    return found;
  }
}

@Resolver(() => AccessReviewItemModel)
export class AccessReviewItemsResolver {
  constructor(
    private readonly reviews: AccessReviews,
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
  ) {}

  @Mutation(() => AccessReviewItemModel, { description: 'A reviewer keeps or revokes one item, with a justification; a REVOKE takes effect at once.' })
  @Requires('accessReviews.decide')
  async decideAccessReviewItem(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: DecideAccessReviewItemInput,
  ): Promise<AccessReviewItemView> {
    await this.reviews.decide(principal, [input.itemId], input.decision, input.justification, context);
    return this.read(principal, input.itemId);
  }

  @Mutation(() => [AccessReviewItemModel], { description: 'The same decision and justification for up to 500 items of one review (bulk keep): all recorded, or none when one cannot be decided.' })
  @Requires('accessReviews.decide')
  async decideAccessReviewItems(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: DecideAccessReviewItemsInput,
  ): Promise<AccessReviewItemView[]> {
    const itemIds = [...new Set(input.itemIds)];
    if (itemIds.length === 0 || itemIds.length > MAX_BULK_ITEMS) throw badInput(`Give 1 to ${MAX_BULK_ITEMS} items.`);
    await this.reviews.decide(principal, itemIds, input.decision, input.justification, context);
    return Promise.all(itemIds.map((itemId) => this.read(principal, itemId)));
  }

  @Mutation(() => AccessReviewItemModel, { description: "The owner confirms their app password under review is still needed; the reviewer sees it, and still decides." })
  @Requires('accessReviews.attest')
  async attestAccessReviewItem(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: AttestAccessReviewItemInput,
  ): Promise<AccessReviewItemView> {
    await this.reviews.attest(principal, input.itemId, input.note ?? null, context);
    return this.read(principal, input.itemId);
  }

  @ResolveField(() => AppPasswordModel, { nullable: true, description: 'The credential as the inventory shows it now, when the reader may see it.' })
  appPassword(@CurrentPrincipal() principal: UserPrincipal, @Parent() item: AccessReviewItemView): Promise<AppPasswordListItem | null> {
    return this.queries.execute(new GetAppPasswordQuery(principal, item.appPasswordId));
  }

  private async read(principal: UserPrincipal, itemId: string): Promise<AccessReviewItemView> {
    await readModelsSettled(this.subscribers);
    const found: AccessReviewItemView | null = await this.queries.execute(new GetAccessReviewItemQuery(principal, itemId));
    if (!found) throw notFound('No such access review item.');
    return found;
  }
}
