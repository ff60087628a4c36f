import { assertUnreachable, badInput, conflict, forbidden, notFound, optionalLine, requireLine, stableId } from '@keyward/shared/domain';
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
  startedBy: string;
  startedAt: string;
  /** The filter as recorded: a successor draws its items with it again. */
  filter: Record<string, unknown>;
  /** Null for a review that runs once. */
  recurrence: Recurrence | null;
}

/** How a review repeats: its series, its period, and whether the series stops with it. */
export interface Recurrence {
  readonly everyDays: number;
  readonly seriesId: string;
  readonly previousReviewId: string | null;
  /** The user whose rights each successor is drawn with. */
  readonly ownerId: string;
  readonly isStopped: boolean;
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
    /** Days between this review's start and its successor's; null: it runs once. */
    recurEveryDays?: number | null;
    /** For a repeating review: the user whose rights its successors are drawn with (who started the series). */
    seriesOwnerId?: string | null;
    /** For a successor: the review it follows, and the series' first review. */
    series?: { seriesId: string; previousReviewId: string } | null;
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
/** No successor after this review (the series' latest); stopping a stopped series changes nothing. */
export type StopAccessReviewRecurrence = { type: 'StopAccessReviewRecurrence'; data: { stoppedBy: string } };
export type AccessReviewCommand = StartAccessReview | DecideAccessReviewItem | DecideAccessReviewItems | AttestAccessReviewItem | CompleteAccessReview | StopAccessReviewRecurrence;

/** The most credentials one review takes on; a larger population is split by its filter. */
export const MAX_REVIEW_SIZE = 100_000;
/** Items per AccessReviewItemsFixed event: each event stays well under a store's append limit. */
export const ITEMS_PER_EVENT = 1_000;
/** A review runs for at most a year. */
const MAX_REVIEW_DAYS = 366;
/** Unused this long, a credential is recommended for revocation (Entra's access reviews use 30 days). */
export const RECOMMEND_REVOKE_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;
/** A review repeats at most weekly (a shorter period leaves no time to decide) and at least yearly. */
export const MIN_RECUR_DAYS = 7;
export const MAX_RECUR_DAYS = 366;
/** The justification recorded for an item nobody decided when the review revokes undecided items. */
export const UNDECIDED_JUSTIFICATION = 'Not reviewed by the due date: the review revokes what is left undecided.';

/** An item's id: the review's and the credential's, so that an item names its review. */
export function reviewItemId(reviewId: string, appPasswordId: string): string {
  return `${reviewId}:${appPasswordId}`;
}

/**
 * A successor's id, from the review it follows: every node sweeping at once derives the same id,
 * so the successor's stream is created once and the others' appends conflict.
 */
export function successorReviewId(reviewId: string): string {
  return stableId('keyward-access-review-successor', reviewId);
}

/** How many whole periods have passed since a repeating review started: from 1, its successor is due. */
export function periodsSince(startedAt: string, recurEveryDays: number, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(startedAt)) / (recurEveryDays * DAY_MS)));
}

/**
 * When a repeating review's successor starts: at the end of the period under way. A period whose
 * successor did not start (its filter matched nothing then) is skipped, so this is the next
 * boundary after `now`. Null when the review runs once, its series was stopped, or `hasSuccessor`.
 */
export function nextStartOf(review: { startedAt: string; recurEveryDays: number | null; isStopped: boolean }, hasSuccessor: boolean, now: Date): Date | null {
  if (review.recurEveryDays === null || review.isStopped || hasSuccessor) return null;
  const periods = periodsSince(review.startedAt, review.recurEveryDays, now);
  return new Date(Date.parse(review.startedAt) + (periods + 1) * review.recurEveryDays * DAY_MS);
}

/** What a repeating review's successor takes over from it: everything but its items, drawn again. */
export interface SuccessorPlan {
  readonly reviewId: string;
  readonly name: string;
  readonly filter: Record<string, unknown>;
  readonly reviewerIds: readonly string[];
  readonly revokeUndecided: boolean;
  readonly recurEveryDays: number;
  readonly series: { seriesId: string; previousReviewId: string };
  /** The user whose rights the successor is drawn with. */
  readonly seriesOwnerId: string;
  /** The same duration as this review's: due that long after the successor starts. */
  readonly dueAt: Date;
}

/**
 * The successor a repeating review calls for at `now`, or null: it runs once, its series was
 * stopped, or its period has not passed. Whether the successor exists already is its stream's to say.
 */
export function successorPlanOf(review: AccessReview, now: Date): SuccessorPlan | null {
  if (review.status === 'none' || !review.recurrence || review.recurrence.isStopped) return null;
  if (periodsSince(review.startedAt, review.recurrence.everyDays, now) < 1) return null;
  const durationMs = Date.parse(review.dueAt) - Date.parse(review.startedAt);
  return {
    reviewId: successorReviewId(review.reviewId),
    name: review.name,
    filter: review.filter,
    reviewerIds: [...review.reviewerIds],
    revokeUndecided: review.revokeUndecided,
    recurEveryDays: review.recurrence.everyDays,
    series: { seriesId: review.recurrence.seriesId, previousReviewId: review.reviewId },
    seriesOwnerId: review.recurrence.ownerId,
    dueAt: new Date(now.getTime() + durationMs),
  };
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
      case 'StopAccessReviewRecurrence': {
        const review = requireReview(state);
        if (!review.recurrence) throw conflict('This review does not repeat: there is nothing to stop.');
        if (review.recurrence.isStopped) return [];
        return [{ type: 'AccessReviewRecurrenceStopped', data: { reviewId: review.reviewId, seriesId: review.recurrence.seriesId, stoppedBy: command.data.stoppedBy } }];
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
      const { reviewId, tenantId, name, dueAt, revokeUndecided, reviewerIds, total, startedBy, startedAt, filter, recurEveryDays, seriesId, previousReviewId, seriesOwnerId } = event.data;
      // Reviews recorded before recurrence existed have none of its fields: they ran once.
      const recurrence = recurEveryDays
        ? { everyDays: recurEveryDays, seriesId: seriesId ?? reviewId, previousReviewId: previousReviewId ?? null, ownerId: seriesOwnerId ?? '', isStopped: false }
        : null;
      return { status: 'OPEN', reviewId, tenantId, name, dueAt, revokeUndecided, reviewerIds: new Set(reviewerIds), total, items: new Map(), startedBy, startedAt, filter, recurrence };
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
      case 'AccessReviewRecurrenceStopped':
        return state.recurrence ? { ...state, recurrence: { ...state.recurrence, isStopped: true } } : state;
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
  const recurEveryDays = requireRecurrence(data.recurEveryDays ?? null, due - data.now.getTime());
  if (recurEveryDays !== null && !data.seriesOwnerId) throw badInput('A repeating review needs the user its repetitions are drawn for.');
  const series =
    recurEveryDays === null
      ? {}
      : { recurEveryDays, seriesId: data.series?.seriesId ?? data.reviewId, ...(data.series ? { previousReviewId: data.series.previousReviewId } : {}), seriesOwnerId: data.seriesOwnerId as string };
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
      ...series,
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

/** A period of 7 to 366 whole days, longer than the review runs (`durationMs`): one review of a series at a time. */
function requireRecurrence(days: number | null, durationMs: number): number | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < MIN_RECUR_DAYS || days > MAX_RECUR_DAYS) throw badInput(`recurEveryDays must be a whole number of days from ${MIN_RECUR_DAYS} to ${MAX_RECUR_DAYS}.`);
  if (days * DAY_MS <= durationMs) throw badInput(`recurEveryDays (${days}) must be longer than the review runs (${Math.ceil(durationMs / DAY_MS)} days to its due date): one review of a series at a time.`);
  return days;
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
