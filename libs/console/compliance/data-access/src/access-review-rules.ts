import type { AccessReview, AccessReviewItem } from './access-reviews.api';

/**
 * Whether the viewer may keep or revoke the item, as the server decides: they are one of the
 * review's reviewers, the review is open, the item is not their own app password, and it was not
 * revoked already (a revocation is final; a KEEP can still become a REVOKE).
 */
export function isDecidable(review: AccessReview, item: AccessReviewItem, viewerId: string | null): boolean {
  return viewerId !== null && review.status === 'OPEN' && review.reviewerIds.includes(viewerId) && item.userId !== viewerId && item.decision !== 'REVOKE';
}

/** Whether the viewer owns the item's app password and may still say it is needed (the review is open). */
export function isAttestable(review: AccessReview, item: AccessReviewItem, viewerId: string | null): boolean {
  return viewerId !== null && review.status === 'OPEN' && item.userId === viewerId;
}

/** Whether the viewer decides the review's items at all. */
export function isReviewerOf(review: AccessReview, viewerId: string | null): boolean {
  return viewerId !== null && review.reviewerIds.includes(viewerId);
}

/** How far a review has come: decided (kept + revoked) of total, in percent. */
export function reviewProgressOf(review: Pick<AccessReview, 'total' | 'kept' | 'revoked' | 'undecided'>): { decided: number; percent: number } {
  const decided = review.kept + review.revoked;
  return { decided, percent: review.total === 0 ? 100 : Math.round((decided / review.total) * 100) };
}
