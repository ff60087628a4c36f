import { assertUnreachable, badInput, conflict, forbidden, notFound, optionalLine, requireLine } from '@keyward/shared/domain';
import { ACCESS_REVIEW_PROCESS, type AccessDecision, type AccessReviewEvent, type ReviewItemSnapshot } from './access-review.events';

export interface ReviewItemState {
  readonly itemId: string;
  readonly appPasswordId: string;
  readonly userId: string;
  decision: AccessDecision | null;
  justification: string | null;
  /** `user:<id>` of the reviewer, or `system:access-review`. */
  decidedBy: string | null;
}

export interface OpenReview {
  status: 'OPEN' | 'COMPLETED';
  reviewId: string;
  tenantId: string;
  name: string;
  dueAt: string;
  revokeUndecided: boolean;
  reviewerIds: ReadonlySet<string>;
  total: number;
  /** Each item by its id, in the order they were fixed. */
  items: Map<string, ReviewItemState>;
}
export type AccessReview = { status: 'none' } | OpenReview;

/** A credential a review's filter matched, with what a reviewer is shown of it. */
export type ReviewCandidate = Omit<ReviewItemSnapshot, 'itemId' | 'recommendation'>;

export type StartAccessReview = {
  type: 'StartAccessReview';
  data: {
    reviewId: string;
    tenantId: string;
    name: string;
    startedBy: string;
    now: Date;
    dueAt: Date;
    revokeUndecided: boolean;
    reviewerIds: readonly string[];
    filter: Record<string, unknown>;
    candidates: readonly ReviewCandidate[];
  };
};
export type DecideAccessReviewItem = {
  type: 'DecideAccessReviewItem';
  data: { itemId: string; decision: AccessDecision; justification: string; decidedBy: string; reviewerId: string };
};
/** The same decision for several items of the review (bulk keep): all of them or, if one cannot be decided, none. */
export type DecideAccessReviewItems = {
  type: 'DecideAccessReviewItems';
  data: { itemIds: readonly string[]; decision: AccessDecision; justification: string; decidedBy: string; reviewerId: string };
};
export type AttestAccessReviewItem = { type: 'AttestAccessReviewItem'; data: { itemId: string; ownerId: string; note: string | null } };
/** The due date has come: undecided items are revoked (when the review says so) and the review completes. */
export type CompleteAccessReview = { type: 'CompleteAccessReview'; data: { now: Date } };
export type AccessReviewCommand = StartAccessReview | DecideAccessReviewItem | DecideAccessReviewItems | AttestAccessReviewItem | CompleteAccessReview;

/** The most credentials one review takes on; a larger population is split by its filter. */
export const MAX_REVIEW_SIZE = 100_000;
/** Items per AccessReviewItemsFixed event: each event stays well under a store's append limit. */
export const ITEMS_PER_EVENT = 1_000;
/** A review runs for at most a year. */
const MAX_REVIEW_DAYS = 366;
/** Unused this long, a credential is recommended for revocation (Entra's access reviews use 30 days). */
export const RECOMMEND_REVOKE_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;
/** The justification recorded for an item nobody decided when the review revokes undecided items. */
export const UNDECIDED_JUSTIFICATION = 'Not reviewed by the due date: the review revokes what is left undecided.';

/** An item's id: the review's and the credential's, so that an item names its review. */
export function reviewItemId(reviewId: string, appPasswordId: string): string {
  return `${reviewId}:${appPasswordId}`;
}

/** The review an item id belongs to, or null for an id that is not an item's. */
export function reviewOfItem(itemId: string): string | null {
  const at = itemId.indexOf(':');
  return at > 0 && at < itemId.length - 1 ? itemId.slice(0, at) : null;
}

/** A justification: 1 to 1,000 characters on one line. */
export function requireJustification(input: string): string {
  return requireLine(input ?? '', 1000, 'A justification of 1 to 1,000 characters on one line is required: say why the credential is still needed, or why it goes.');
}

/** What Entra recommends: deny what has not been used (nor created) in the last 30 days. */
export function recommendationFor(candidate: Pick<ReviewCandidate, 'createdAt' | 'lastUsedAt'>, now: Date): AccessDecision {
  const lastActivity = candidate.lastUsedAt ?? candidate.createdAt;
  return Date.parse(lastActivity) < now.getTime() - RECOMMEND_REVOKE_AFTER_DAYS * DAY_MS ? 'REVOKE' : 'KEEP';
}

/**
 * An access review (PCI DSS 7.2.4, SOC 2 CC6.2, ISO 27001 A.5.18): the credentials a filter
 * matched when it started, frozen then; one decision per item, with a justification, by a named
 * reviewer who does not own the credential; completion on the due date. Item states are changed
 * in place as events are folded: a state is never used again once an event has been folded into it.
 */
export const accessReviewDecider = {
  initialState: (): AccessReview => ({ status: 'none' }),

  decide(command: AccessReviewCommand, state: AccessReview): AccessReviewEvent[] {
    switch (command.type) {
      case 'StartAccessReview':
        if (state.status !== 'none') throw conflict('This review exists already.');
        return start(command.data);
      case 'DecideAccessReviewItem':
        return decideItems(requireReview(state), { ...command.data, itemIds: [command.data.itemId] });
      case 'DecideAccessReviewItems':
        return decideItems(requireReview(state), command.data);
      case 'AttestAccessReviewItem': {
        const review = requireReview(state);
        const item = review.items.get(command.data.itemId);
        // Another's item answers as a missing one: ids outside one's reach reveal nothing.
        if (!item || item.userId !== command.data.ownerId) throw notFound('No such access review item.');
        if (review.status === 'COMPLETED') throw conflict('The review is completed.');
        const note = optionalLine(command.data.note, 500, 'A note is at most 500 characters on one line.');
        return [{ type: 'AccessReviewItemAttested', data: { reviewId: review.reviewId, itemId: command.data.itemId, appPasswordId: item.appPasswordId, attestedBy: `user:${command.data.ownerId}`, note } }];
      }
      case 'CompleteAccessReview': {
        const review = requireReview(state);
        if (review.status === 'COMPLETED' || command.data.now.getTime() < Date.parse(review.dueAt)) return [];
        const events: AccessReviewEvent[] = [];
        if (review.revokeUndecided) {
          for (const [itemId, item] of review.items) {
            if (item.decision !== null) continue;
            events.push({
              type: 'AccessReviewItemDecided',
              data: { reviewId: review.reviewId, itemId, appPasswordId: item.appPasswordId, userId: item.userId, decision: 'REVOKE', justification: UNDECIDED_JUSTIFICATION, decidedBy: `system:${ACCESS_REVIEW_PROCESS}` },
            });
          }
        }
        const counts = countsOf(review);
        const autoRevoked = events.length;
        events.push({ type: 'AccessReviewCompleted', data: { reviewId: review.reviewId, kept: counts.kept, revoked: counts.revoked + autoRevoked, undecided: counts.undecided - autoRevoked } });
        return events;
      }
      default:
        return assertUnreachable(command);
    }
  },

  evolve(state: AccessReview, event: AccessReviewEvent): AccessReview {
    if (event.type === 'AccessReviewStarted') {
      const { reviewId, tenantId, name, dueAt, revokeUndecided, reviewerIds, total } = event.data;
      return { status: 'OPEN', reviewId, tenantId, name, dueAt, revokeUndecided, reviewerIds: new Set(reviewerIds), total, items: new Map() };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'AccessReviewItemsFixed':
        for (const { itemId, appPasswordId, userId } of event.data.items) state.items.set(itemId, { itemId, appPasswordId, userId, decision: null, justification: null, decidedBy: null });
        return { ...state };
      case 'AccessReviewItemDecided': {
        const item = state.items.get(event.data.itemId);
        if (item) Object.assign(item, { decision: event.data.decision, justification: event.data.justification, decidedBy: event.data.decidedBy });
        return { ...state };
      }
      case 'AccessReviewItemAttested':
        return state;
      case 'AccessReviewCompleted':
        return { ...state, status: 'COMPLETED' };
      default:
        return assertUnreachable(event);
    }
  },
};

/** How many items are kept, revoked and undecided. */
export function countsOf(review: OpenReview): { kept: number; revoked: number; undecided: number } {
  const counts = { kept: 0, revoked: 0, undecided: 0 };
  for (const { decision } of review.items.values()) {
    if (decision === 'KEEP') counts.kept++;
    else if (decision === 'REVOKE') counts.revoked++;
    else counts.undecided++;
  }
  return counts;
}

/** The items decided REVOKE, by a reviewer or at the due date: what the review takes out of service. */
export function revokedItems(review: OpenReview): ReviewItemState[] {
  return [...review.items.values()].filter((item) => item.decision === 'REVOKE');
}

/** A review's name: 1 to 200 characters on one line. */
export function requireReviewName(input: string): string {
  return requireLine(input ?? '', 200, 'A review name of 1 to 200 characters on one line is required (such as "App passwords, second half of 2026").');
}

function start(data: StartAccessReview['data']): AccessReviewEvent[] {
  const name = requireReviewName(data.name);
  const due = data.dueAt.getTime();
  if (!Number.isFinite(due) || due <= data.now.getTime()) throw badInput('dueAt must be in the future.');
  if (due > data.now.getTime() + MAX_REVIEW_DAYS * DAY_MS) throw badInput(`dueAt must be within ${MAX_REVIEW_DAYS} days.`);
  if (data.reviewerIds.length === 0) throw badInput('A review needs at least one reviewer.');
  if (data.candidates.length === 0) throw badInput('The filter matches no active app password: a review needs at least one item.');
  if (data.candidates.length > MAX_REVIEW_SIZE) throw badInput(`The filter matches ${data.candidates.length} app passwords; one review takes at most ${MAX_REVIEW_SIZE}. Narrow the filter.`);
  const started: AccessReviewEvent = {
    type: 'AccessReviewStarted',
    data: {
      reviewId: data.reviewId,
      tenantId: data.tenantId,
      name,
      startedBy: data.startedBy,
      startedAt: data.now.toISOString(),
      dueAt: data.dueAt.toISOString(),
      revokeUndecided: data.revokeUndecided,
      reviewerIds: [...new Set(data.reviewerIds)],
      filter: data.filter,
      total: data.candidates.length,
    },
  };
  const fixed: AccessReviewEvent[] = [];
  for (let at = 0; at < data.candidates.length; at += ITEMS_PER_EVENT) {
    const items = data.candidates.slice(at, at + ITEMS_PER_EVENT).map((candidate) => ({
      itemId: reviewItemId(data.reviewId, candidate.appPasswordId),
      ...candidate,
      recommendation: recommendationFor(candidate, data.now),
    }));
    fixed.push({ type: 'AccessReviewItemsFixed', data: { reviewId: data.reviewId, items } });
  }
  return [started, ...fixed];
}

/** One decision per item, each checked; one item that cannot be decided refuses them all, naming it. */
function decideItems(review: OpenReview, data: DecideAccessReviewItems['data']): AccessReviewEvent[] {
  const { decision, decidedBy, reviewerId } = data;
  const unknown = data.itemIds.find((itemId) => !review.items.has(itemId));
  if (unknown !== undefined) throw notFound(`No such access review item: ${unknown}.`);
  if (review.status === 'COMPLETED') throw conflict('The review is completed: its decisions are final.');
  if (!review.reviewerIds.has(reviewerId)) throw forbidden('Only the reviewers named when the review started decide its items.');
  const justification = requireJustification(data.justification);
  return data.itemIds.map((itemId) => {
    const item = review.items.get(itemId) as ReviewItemState;
    if (item.userId === reviewerId) throw forbidden('Nobody decides on their own app password: another reviewer must.');
    if (item.decision === 'REVOKE') throw conflict('This credential was revoked by an earlier decision; that is final.');
    return { type: 'AccessReviewItemDecided', data: { reviewId: review.reviewId, itemId, appPasswordId: item.appPasswordId, userId: item.userId, decision, justification, decidedBy } };
  });
}

function requireReview(state: AccessReview): OpenReview {
  if (state.status === 'none') throw notFound('No such access review.');
  return state;
}
