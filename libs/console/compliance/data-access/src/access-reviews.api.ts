import { inject, Injectable } from '@angular/core';
import { emptyPage, GraphQLClient, type ConnectionPage, type Gql } from '@keyward/console/shared/data-access';
import {
  ACCESS_REVIEW,
  ACCESS_REVIEW_ITEMS,
  ACCESS_REVIEWS,
  ATTEST_ACCESS_REVIEW_ITEM,
  DECIDE_ACCESS_REVIEW_ITEM,
  DECIDE_ACCESS_REVIEW_ITEMS,
  REVIEWER_NAME,
  START_ACCESS_REVIEW,
  STOP_ACCESS_REVIEW_RECURRENCE,
} from './access-reviews.operations';

/** A review of app passwords: its facts and its counts (kept, revoked, undecided of total). */
export type AccessReview = Gql.AccessReviewFieldsFragment;
/** One app password under review, as it stood when the review started, with its decision and the owner's attestation. */
export type AccessReviewItem = Gql.AccessReviewItemFieldsFragment;
/** KEEP: still needed; REVOKE: revoked at once, and final. */
export type AccessDecision = Gql.AccessDecision;
/** ALL; UNDECIDED: still to decide; MINE: the reader's own app passwords. */
export type ItemSelection = Gql.AccessReviewItemSelection;
export const ITEM_SELECTIONS: readonly ItemSelection[] = ['ALL', 'UNDECIDED', 'MINE'];

/** What starting a review takes: its name, when it is due, what is left undecided then, and whose app passwords. */
export interface StartReviewInput {
  name: string;
  /** ISO 8601; within a year. */
  dueAt: string;
  revokeUndecided: boolean;
  /** Part of the owners' principal names; null: every active app password. */
  user: string | null;
  /** Days between a review's start and the next one's; null: it runs once. */
  recurEveryDays: number | null;
}

/** The access-review operations of the API, typed: the one place the console's review GraphQL is sent from. */
@Injectable({ providedIn: 'root' })
export class AccessReviewsApi {
  private readonly graphql = inject(GraphQLClient);

  /** The reviews the viewer may read (the tenant's, or those they review or hold an item in), newest first. */
  async list(first: number, after: string | null): Promise<ConnectionPage<AccessReview>> {
    return (await this.graphql.request(ACCESS_REVIEWS, { first, after })).accessReviews;
  }

  /** One review; null when not found or out of the viewer's reach. */
  async one(id: string): Promise<AccessReview | null> {
    return (await this.graphql.request(ACCESS_REVIEW, { id })).accessReview;
  }

  /** A page of the review's items in the order they were fixed; an owner who is no reviewer gets only their own. */
  async items(reviewId: string, selection: ItemSelection, first: number, after: string | null): Promise<ConnectionPage<AccessReviewItem>> {
    const data = await this.graphql.request(ACCESS_REVIEW_ITEMS, { id: reviewId, selection, first, after });
    return data.accessReview?.items ?? emptyPage();
  }

  /** Starts a review of the active app passwords the owner filter matches now; the tenant's global admins review it. */
  async start({ name, dueAt, revokeUndecided, user, recurEveryDays }: StartReviewInput): Promise<AccessReview> {
    const input = { name, dueAt, revokeUndecided, ...(user ? { filter: { user } } : {}), ...(recurEveryDays !== null ? { recurEveryDays } : {}) };
    return (await this.graphql.request(START_ACCESS_REVIEW, { input })).startAccessReview;
  }

  /** Stops a repeating review: none follows the latest of its series. The review as it is now. */
  async stopRecurrence(reviewId: string): Promise<AccessReview> {
    return (await this.graphql.request(STOP_ACCESS_REVIEW_RECURRENCE, { reviewId })).stopAccessReviewRecurrence;
  }

  /** Keeps or revokes one item (a REVOKE takes effect at once); the item as it is now. */
  async decide(itemId: string, decision: AccessDecision, justification: string): Promise<AccessReviewItem> {
    return (await this.graphql.request(DECIDE_ACCESS_REVIEW_ITEM, { input: { itemId, decision, justification } })).decideAccessReviewItem;
  }

  /** The same decision and justification for up to 500 items of one review, each recorded on its own. */
  async decideMany(itemIds: string[], decision: AccessDecision, justification: string): Promise<AccessReviewItem[]> {
    return (await this.graphql.request(DECIDE_ACCESS_REVIEW_ITEMS, { input: { itemIds, decision, justification } })).decideAccessReviewItems;
  }

  /** The owner says their app password is still needed, and what for (optional). */
  async attest(itemId: string, note: string | null): Promise<AccessReviewItem> {
    return (await this.graphql.request(ATTEST_ACCESS_REVIEW_ITEM, { input: { itemId, note } })).attestAccessReviewItem;
  }

  /**
   * Who started a review or decided an item, for people: `user:<id>` becomes the principal name where the viewer may read
   * that user; anything else (`system:access-review`) stays as it is.
   */
  async actorNames(actors: string[]): Promise<Map<string, string>> {
    const names = new Map(actors.map((actor) => [actor, actor]));
    const ids = [...new Set(actors.filter((actor) => actor.startsWith('user:')).map((actor) => actor.slice('user:'.length)))];
    await Promise.all(
      ids.map(async (id) => {
        try {
          const { user } = await this.graphql.request(REVIEWER_NAME, { id });
          if (user) names.set(`user:${id}`, user.userPrincipalName);
        } catch {
          // Without users.read the actors stay as ids: still true, only less friendly.
        }
      }),
    );
    return names;
  }
}
