import type { AccessDecision, AccessReview, AccessReviewItem, ItemSelection } from '@keyward/console/compliance/data-access';

const DAY_MS = 86_400_000;

export const REVIEW_STATUS_WORDS: Record<AccessReview['status'], string> = { OPEN: 'Open', COMPLETED: 'Completed' };

/** The selections of a review's items, as the "Show" list names them. */
export const SELECTION_WORDS: Record<ItemSelection, string> = { ALL: 'Every item', UNDECIDED: 'Still to decide', MINE: 'My app passwords' };

/** A decision made, as the Decision column says it. */
export const DECISION_WORDS: Record<AccessDecision, string> = { KEEP: 'Kept', REVOKE: 'Revoked' };

/** What Keyward recommends, with why. */
export const RECOMMENDATION_WORDS: Record<AccessDecision, string> = { KEEP: 'Keep', REVOKE: 'Revoke: unused for 30 days' };

/** How old an app password is at `now`, in whole days: "today", "1 day", "12 days". */
export function ageInWords(createdAt: string, now: Date): string {
  const days = Math.max(Math.floor((now.getTime() - Date.parse(createdAt)) / DAY_MS), 0);
  if (Number.isNaN(days)) return '';
  return days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "2 of 5 decided: 1 kept, 1 revoked, 3 undecided." */
export function progressInWords(review: Pick<AccessReview, 'total' | 'kept' | 'revoked' | 'undecided'>): string {
  return `${review.kept + review.revoked} of ${review.total} decided: ${review.kept} kept, ${review.revoked} revoked, ${review.undecided} undecided.`;
}

/** An item as a screen reader names its row's controls: "Thunderbird of alice@contoso.example". */
export function itemName(item: Pick<AccessReviewItem, 'label' | 'userPrincipalName'>): string {
  return `${item.label} of ${item.userPrincipalName}`;
}
