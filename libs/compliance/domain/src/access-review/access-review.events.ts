import type { DomainEvent } from '@keyward/shared/domain';

export const accessReviewStreamId = (reviewId: string) => `accessReview-${reviewId}`;

/** A reviewer's answer for one credential: it is still needed, or it goes. */
export type AccessDecision = 'KEEP' | 'REVOKE';

/** The process that completes reviews on their due date and revokes what was left undecided. */
export const ACCESS_REVIEW_PROCESS = 'access-review';

/** One credential under review, as it stood when the review started (the scope is frozen then). */
export interface ReviewItemSnapshot {
  itemId: string;
  appPasswordId: string;
  userId: string;
  userPrincipalName: string;
  label: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  /** Successful sign-ins in the 30 days before the start. */
  usesLast30Days: number;
  /** REVOKE when unused for 30 days (as Entra's access reviews recommend), else KEEP. */
  recommendation: AccessDecision;
}

export type AccessReviewStarted = DomainEvent<
  'AccessReviewStarted',
  {
    reviewId: string;
    tenantId: string;
    name: string;
    startedBy: string;
    startedAt: string;
    dueAt: string;
    revokeUndecided: boolean;
    reviewerIds: string[];
    /** The filter as given, for the record; the credentials it matched follow in AccessReviewItemsFixed. */
    filter: Record<string, unknown>;
    total: number;
    /** A repeating review: its successor starts this many days after it did (absent: it runs once). */
    recurEveryDays?: number;
    /** The first review of a repeating series (absent: it runs once). */
    seriesId?: string;
    /** The review this one succeeds in its series (absent: the first, or one that runs once). */
    previousReviewId?: string;
    /** The user whose rights each successor is drawn with: who started the series (absent: it runs once). */
    seriesOwnerId?: string;
  }
>;
/** Part of the review's items, fixed at the start (several events for a large review). */
export type AccessReviewItemsFixed = DomainEvent<'AccessReviewItemsFixed', { reviewId: string; items: ReviewItemSnapshot[] }>;
export type AccessReviewItemDecided = DomainEvent<
  'AccessReviewItemDecided',
  {
    reviewId: string;
    itemId: string;
    appPasswordId: string;
    /** The credential's owner: told when it is revoked. */
    userId: string;
    decision: AccessDecision;
    justification: string;
    /** `user:<id>` of the reviewer, or `system:access-review` for an item left undecided at the due date. */
    decidedBy: string;
  }
>;
/** The owner said the credential is still needed: shown to the reviewer, who still decides. */
export type AccessReviewItemAttested = DomainEvent<'AccessReviewItemAttested', { reviewId: string; itemId: string; appPasswordId: string; attestedBy: string; note: string | null }>;
export type AccessReviewCompleted = DomainEvent<'AccessReviewCompleted', { reviewId: string; kept: number; revoked: number; undecided: number }>;

/** No review follows this one: its series stops here (recorded on the series' latest review). */
export type AccessReviewRecurrenceStopped = DomainEvent<'AccessReviewRecurrenceStopped', { reviewId: string; seriesId: string; stoppedBy: string }>;

export type AccessReviewEvent =
  | AccessReviewStarted
  | AccessReviewItemsFixed
  | AccessReviewItemDecided
  | AccessReviewItemAttested
  | AccessReviewCompleted
  | AccessReviewRecurrenceStopped;

export const ACCESS_REVIEW_EVENT_TYPES: readonly AccessReviewEvent['type'][] = [
  'AccessReviewStarted',
  'AccessReviewItemsFixed',
  'AccessReviewItemDecided',
  'AccessReviewItemAttested',
  'AccessReviewCompleted',
  'AccessReviewRecurrenceStopped',
];
