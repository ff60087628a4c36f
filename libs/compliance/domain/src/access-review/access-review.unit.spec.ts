import { specFor } from '@keyward/shared/domain/testing';
import {
  accessReviewDecider,
  countsOf,
  ITEMS_PER_EVENT,
  nextStartOf,
  revokedItems,
  reviewItemId,
  reviewOfItem,
  successorPlanOf,
  successorReviewId,
  UNDECIDED_JUSTIFICATION,
  type OpenReview,
  type ReviewCandidate,
  type StartAccessReview,
} from './access-review';
import type { AccessReviewEvent, AccessReviewStarted } from './access-review.events';

const spec = specFor(accessReviewDecider);
const now = new Date('2026-12-01T09:00:00.000Z');
const dueAt = new Date('2026-12-15T17:00:00.000Z');

const candidate = (appPasswordId: string, userId: string, lastUsedAt: string | null): ReviewCandidate => ({
  appPasswordId,
  userId,
  userPrincipalName: `${userId}@contoso.example`,
  label: `Mail on ${appPasswordId}`,
  scopes: ['imap', 'smtp'],
  createdAt: '2026-06-01T00:00:00.000Z',
  lastUsedAt,
  usesLast30Days: lastUsedAt ? 12 : 0,
});
const candidates = [candidate('ap-1', 'alice', '2026-11-30T08:00:00.000Z'), candidate('ap-2', 'bob', null), candidate('ap-3', 'admin', '2026-10-01T08:00:00.000Z')];

const start = (overrides: Partial<StartAccessReview['data']> = {}): StartAccessReview => ({
  type: 'StartAccessReview',
  data: { reviewId: 'r-1', tenantId: 't-1', name: ' H2 2026 ', startedBy: 'user:admin', now, dueAt, revokeUndecided: true, reviewerIds: ['admin', 'auditor'], filter: {}, candidates, ...overrides },
});
const started: AccessReviewStarted = {
  type: 'AccessReviewStarted',
  data: { reviewId: 'r-1', tenantId: 't-1', name: 'H2 2026', startedBy: 'user:admin', startedAt: now.toISOString(), dueAt: dueAt.toISOString(), revokeUndecided: true, reviewerIds: ['admin', 'auditor'], filter: {}, total: 3 },
};
const fixed: AccessReviewEvent = {
  type: 'AccessReviewItemsFixed',
  data: {
    reviewId: 'r-1',
    items: [
      { itemId: 'r-1:ap-1', ...candidates[0], recommendation: 'KEEP' },
      { itemId: 'r-1:ap-2', ...candidates[1], recommendation: 'REVOKE' },
      { itemId: 'r-1:ap-3', ...candidates[2], recommendation: 'REVOKE' },
    ],
  },
};
const decided = (itemId: string, decision: 'KEEP' | 'REVOKE', decidedBy = 'user:admin'): AccessReviewEvent => {
  const appPasswordId = itemId.split(':')[1];
  const userId = candidates.find((c) => c.appPasswordId === appPasswordId)?.userId ?? '';
  return { type: 'AccessReviewItemDecided', data: { reviewId: 'r-1', itemId, appPasswordId, userId, decision, justification: 'Still syncs the shared mailbox', decidedBy } };
};
const decide = (itemId: string, decision: 'KEEP' | 'REVOKE', reviewerId = 'admin', justification = ' Still syncs the shared mailbox ') => ({
  type: 'DecideAccessReviewItem' as const,
  data: { itemId, decision, justification, decidedBy: `user:${reviewerId}`, reviewerId },
});
const stateAfter = (events: AccessReviewEvent[]) => events.reduce(accessReviewDecider.evolve, accessReviewDecider.initialState()) as OpenReview;

describe('starting an access review', () => {
  it('records the review and freezes its items, with a recommendation from the last 30 days of use', () => {
    spec.given([]).when(start()).then([started, fixed]);
  });

  it('splits a large scope over several events', () => {
    const many = Array.from({ length: ITEMS_PER_EVENT + 1 }, (_, i) => candidate(`ap-${i}`, `u-${i}`, null));
    const events = accessReviewDecider.decide(start({ candidates: many }), { status: 'none' });
    expect(events.map((event) => event.type)).toEqual(['AccessReviewStarted', 'AccessReviewItemsFixed', 'AccessReviewItemsFixed']);
    expect(stateAfter(events).items.size).toBe(ITEMS_PER_EVENT + 1);
  });

  it.each([
    ['a due date in the past', { dueAt: new Date('2026-11-30T00:00:00.000Z') }, /future/],
    ['a due date more than a year away', { dueAt: new Date('2028-01-01T00:00:00.000Z') }, /366 days/],
    ['no items', { candidates: [] }, /at least one item/],
    ['a blank name', { name: '  ' }, /name/],
    ['no reviewer', { reviewerIds: [] }, /reviewer/],
  ])('refuses %s', (_, overrides, message) => {
    spec.given([]).when(start(overrides)).thenThrows('BAD_USER_INPUT', message);
  });

  it('refuses to start the same review twice', () => {
    spec.given([started, fixed]).when(start()).thenThrows('CONFLICT');
  });
});

describe('deciding an item', () => {
  it('records the decision with its trimmed justification and the reviewer', () => {
    spec.given([started, fixed]).when(decide('r-1:ap-1', 'KEEP')).then([decided('r-1:ap-1', 'KEEP')]);
  });

  it('lets a KEEP be changed to REVOKE until the review completes', () => {
    spec.given([started, fixed, decided('r-1:ap-1', 'KEEP')]).when(decide('r-1:ap-1', 'REVOKE')).then([decided('r-1:ap-1', 'REVOKE')]);
  });

  it('refuses to reopen a REVOKE: the credential is gone', () => {
    spec.given([started, fixed, decided('r-1:ap-1', 'REVOKE')]).when(decide('r-1:ap-1', 'KEEP')).thenThrows('CONFLICT', /final/);
  });

  it('refuses a blank justification', () => {
    spec.given([started, fixed]).when(decide('r-1:ap-1', 'KEEP', 'admin', ' ')).thenThrows('BAD_USER_INPUT', /justification/);
  });

  it('refuses a reviewer deciding on their own app password', () => {
    spec.given([started, fixed]).when(decide('r-1:ap-3', 'KEEP', 'admin')).thenThrows('FORBIDDEN', /own app password/);
  });

  it('lets another reviewer decide that one', () => {
    spec.given([started, fixed]).when(decide('r-1:ap-3', 'KEEP', 'auditor')).then([decided('r-1:ap-3', 'KEEP', 'user:auditor')]);
  });

  it('refuses someone who is not a reviewer of this review', () => {
    spec.given([started, fixed]).when(decide('r-1:ap-1', 'KEEP', 'bob')).thenThrows('FORBIDDEN', /reviewers/);
  });

  it('refuses a decision on a completed review', () => {
    const completed: AccessReviewEvent = { type: 'AccessReviewCompleted', data: { reviewId: 'r-1', kept: 0, revoked: 3, undecided: 0 } };
    spec.given([started, fixed, completed]).when(decide('r-1:ap-1', 'KEEP')).thenThrows('CONFLICT', /completed/);
  });

  it('answers NOT_FOUND for an item the review does not have', () => {
    spec.given([started, fixed]).when(decide('r-1:ap-9', 'KEEP')).thenThrows('NOT_FOUND');
  });
});

describe('an owner attesting', () => {
  it('records that the owner still needs it', () => {
    spec
      .given([started, fixed])
      .when({ type: 'AttestAccessReviewItem', data: { itemId: 'r-1:ap-2', ownerId: 'bob', note: ' The scanner on floor 2 ' } })
      .then([{ type: 'AccessReviewItemAttested', data: { reviewId: 'r-1', itemId: 'r-1:ap-2', appPasswordId: 'ap-2', attestedBy: 'user:bob', note: 'The scanner on floor 2' } }]);
  });

  it("answers NOT_FOUND for someone else's item", () => {
    spec.given([started, fixed]).when({ type: 'AttestAccessReviewItem', data: { itemId: 'r-1:ap-2', ownerId: 'alice', note: null } }).thenThrows('NOT_FOUND');
  });
});

describe('the due date', () => {
  const complete = (at: string) => ({ type: 'CompleteAccessReview' as const, data: { now: new Date(at) } });

  it('does nothing before it', () => {
    spec.given([started, fixed]).when(complete('2026-12-15T16:59:59.999Z')).thenNothingHappens();
  });

  it('revokes what is undecided as system:access-review, then completes', () => {
    spec
      .given([started, fixed, decided('r-1:ap-1', 'KEEP')])
      .when(complete('2026-12-15T17:00:00.000Z'))
      .then([
        { ...decided('r-1:ap-2', 'REVOKE', 'system:access-review'), data: { ...decided('r-1:ap-2', 'REVOKE').data, justification: UNDECIDED_JUSTIFICATION, decidedBy: 'system:access-review' } },
        { ...decided('r-1:ap-3', 'REVOKE', 'system:access-review'), data: { ...decided('r-1:ap-3', 'REVOKE').data, justification: UNDECIDED_JUSTIFICATION, decidedBy: 'system:access-review' } },
        { type: 'AccessReviewCompleted', data: { reviewId: 'r-1', kept: 1, revoked: 2, undecided: 0 } },
      ] as AccessReviewEvent[]);
  });

  it('leaves undecided items undecided when the review does not revoke them', () => {
    const keepUndecided: AccessReviewStarted = { ...started, data: { ...started.data, revokeUndecided: false } };
    spec
      .given([keepUndecided, fixed, decided('r-1:ap-2', 'REVOKE')])
      .when(complete('2026-12-16T00:00:00.000Z'))
      .then([{ type: 'AccessReviewCompleted', data: { reviewId: 'r-1', kept: 0, revoked: 1, undecided: 2 } }]);
  });

  it('completes once', () => {
    const completed: AccessReviewEvent = { type: 'AccessReviewCompleted', data: { reviewId: 'r-1', kept: 0, revoked: 3, undecided: 0 } };
    spec.given([started, fixed, completed]).when(complete('2026-12-20T00:00:00.000Z')).thenNothingHappens();
  });
});

describe('what a review says of itself', () => {
  it('counts and lists what it revoked', () => {
    const state = stateAfter([started, fixed, decided('r-1:ap-1', 'KEEP'), decided('r-1:ap-2', 'REVOKE')]);
    expect(countsOf(state)).toEqual({ kept: 1, revoked: 1, undecided: 1 });
    expect(revokedItems(state).map((item) => [item.appPasswordId, item.decidedBy])).toEqual([['ap-2', 'user:admin']]);
  });

  it("names an item's review in its id", () => {
    expect(reviewOfItem(reviewItemId('r-1', 'ap-1'))).toBe('r-1');
    expect(reviewOfItem('nonsense')).toBeNull();
  });
});

describe('deciding several items at once (bulk keep)', () => {
  const many = (itemIds: string[], reviewerId = 'auditor') => ({
    type: 'DecideAccessReviewItems' as const,
    data: { itemIds, decision: 'KEEP' as const, justification: 'Confirmed with the team', decidedBy: `user:${reviewerId}`, reviewerId },
  });

  it('records one decision per item, in one go', () => {
    const events = accessReviewDecider.decide(many(['r-1:ap-1', 'r-1:ap-2']), stateAfter([started, fixed]));
    expect(events.map((event) => event.type === 'AccessReviewItemDecided' && [event.data.itemId, event.data.decision])).toEqual([
      ['r-1:ap-1', 'KEEP'],
      ['r-1:ap-2', 'KEEP'],
    ]);
  });

  it('decides none when one of them is the reviewer’s own', () => {
    spec.given([started, fixed]).when(many(['r-1:ap-1', 'r-1:ap-3'], 'admin')).thenThrows('FORBIDDEN', /own app password/);
  });
});

describe('a repeating review', () => {
  // Due 14 days and 8 hours after its start: it repeats every 15 days or more.
  const repeating: AccessReviewStarted = { ...started, data: { ...started.data, recurEveryDays: 30, seriesId: 'r-1', seriesOwnerId: 'admin' } };
  const stopped: AccessReviewEvent = { type: 'AccessReviewRecurrenceStopped', data: { reviewId: 'r-1', seriesId: 'r-1', stoppedBy: 'user:admin' } };
  const day = (days: number) => new Date(now.getTime() + days * 86_400_000);

  it('records its period and starts its own series', () => {
    spec.given([]).when(start({ recurEveryDays: 30, seriesOwnerId: 'admin' })).then([repeating, fixed]);
  });

  it.each([
    ['a period under a week', 6, /from 7 to 366/],
    ['a period over a year', 367, /from 7 to 366/],
    ['a period that is not whole days', 7.5, /whole number/],
    ['a period no longer than the review runs', 14, /longer than the review runs \(15 days/],
  ])('refuses %s', (_, recurEveryDays, message) => {
    spec.given([]).when(start({ recurEveryDays, seriesOwnerId: 'admin' })).thenThrows('BAD_USER_INPUT', message);
  });

  it('calls for a successor once its period has passed, with the same scope rules, reviewers and duration', () => {
    const state = stateAfter([repeating, fixed]);
    expect(successorPlanOf(state, day(29.99))).toBeNull();
    const plan = successorPlanOf(state, day(30));
    expect(plan).toEqual({
      reviewId: successorReviewId('r-1'),
      name: 'H2 2026',
      filter: {},
      reviewerIds: ['admin', 'auditor'],
      revokeUndecided: true,
      recurEveryDays: 30,
      series: { seriesId: 'r-1', previousReviewId: 'r-1' },
      seriesOwnerId: 'admin',
      dueAt: new Date(day(30).getTime() + (dueAt.getTime() - now.getTime())),
    });
  });

  it('derives the successor’s id from its predecessor’s, the same on every node', () => {
    expect(successorReviewId('r-1')).toBe(successorReviewId('r-1'));
    expect(successorReviewId('r-1')).not.toBe(successorReviewId('r-2'));
    expect(successorReviewId('r-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('starts the successor in the series, naming the review it follows', () => {
    const successorId = successorReviewId('r-1');
    const later = day(30);
    const events = accessReviewDecider.decide(
      start({ reviewId: successorId, startedBy: 'system:access-review', now: later, dueAt: new Date(later.getTime() + 86_400_000), recurEveryDays: 30, seriesOwnerId: 'admin', series: { seriesId: 'r-1', previousReviewId: 'r-1' } }),
      { status: 'none' },
    );
    expect(events[0]).toEqual({
      type: 'AccessReviewStarted',
      data: expect.objectContaining({ reviewId: successorId, startedBy: 'system:access-review', startedAt: later.toISOString(), recurEveryDays: 30, seriesId: 'r-1', previousReviewId: 'r-1', seriesOwnerId: 'admin' }),
    });
    expect(stateAfter(events).recurrence).toEqual({ everyDays: 30, seriesId: 'r-1', previousReviewId: 'r-1', ownerId: 'admin', isStopped: false });
  });

  it('starts a successor once: a second start on its stream is a conflict', () => {
    const successorId = successorReviewId('r-1');
    const successor: AccessReviewStarted = { ...repeating, data: { ...repeating.data, reviewId: successorId, previousReviewId: 'r-1' } };
    spec.given([successor]).when(start({ reviewId: successorId, recurEveryDays: 30, seriesOwnerId: 'admin', series: { seriesId: 'r-1', previousReviewId: 'r-1' } })).thenThrows('CONFLICT');
  });

  it('stops: no successor follows, and stopping again changes nothing', () => {
    const stop = { type: 'StopAccessReviewRecurrence' as const, data: { stoppedBy: 'user:admin' } };
    spec.given([repeating, fixed]).when(stop).then([stopped]);
    spec.given([repeating, fixed, stopped]).when(stop).thenNothingHappens();
    expect(successorPlanOf(stateAfter([repeating, fixed, stopped]), day(60))).toBeNull();
  });

  it('refuses to stop a review that runs once', () => {
    spec.given([started, fixed]).when({ type: 'StopAccessReviewRecurrence', data: { stoppedBy: 'user:admin' } }).thenThrows('CONFLICT', /does not repeat/);
  });

  it('reads a review recorded before recurrence existed as one that runs once', () => {
    expect(stateAfter([started, fixed]).recurrence).toBeNull();
    expect(successorPlanOf(stateAfter([started, fixed]), day(400))).toBeNull();
  });

  it('says when the next one starts: after the period, then after each period skipped, never once stopped or followed', () => {
    const review = { startedAt: now.toISOString(), recurEveryDays: 30, isStopped: false };
    expect(nextStartOf(review, false, day(1))).toEqual(day(30));
    expect(nextStartOf(review, false, day(31))).toEqual(day(60));
    expect(nextStartOf(review, true, day(1))).toBeNull();
    expect(nextStartOf({ ...review, isStopped: true }, false, day(1))).toBeNull();
    expect(nextStartOf({ ...review, recurEveryDays: null }, false, day(1))).toBeNull();
  });
});
