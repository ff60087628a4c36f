import { TestBed } from '@angular/core/testing';
import { ApiError } from '@keyward/console/shared/data-access';
import { AccessReviewsApi } from './access-reviews.api';
import { AccessReviewStore } from './access-review.store';
import { AccessReviewsApiDouble, reviewItemOf, reviewOf } from './testing/access-reviews-api.double';

async function openWith(api: AccessReviewsApiDouble) {
  TestBed.configureTestingModule({ providers: [AccessReviewStore, { provide: AccessReviewsApi, useValue: api }] });
  const store = TestBed.inject(AccessReviewStore);
  await store.open('rev-1', 'ALL');
  return store;
}

describe('one access review’s state', () => {
  it('reads the review and its first hundred items, naming who started it', async () => {
    const api = new AccessReviewsApiDouble();
    api.rows = Array.from({ length: 150 }, (_, index) => reviewItemOf(`k${index}`));
    const store = await openWith(api);
    expect(store.review()?.total).toBe(150);
    expect(store.items.rows()).toHaveLength(100);
    expect(store.items.hasNextPage()).toBe(true);
    expect(store.names().get('user:u-admin')).toBe('user:u-admin');
  });

  it('changes a decided item in place and reads the counts again', async () => {
    const store = await openWith(new AccessReviewsApiDouble());
    expect(await store.decide('rev-1:k1', 'REVOKE', 'Left the company')).toBe(true);
    expect(store.items.rows()[0]).toMatchObject({ decision: 'REVOKE', justification: 'Left the company', decidedBy: 'user:u-me' });
    expect(store.review()).toMatchObject({ revoked: 1, undecided: 2 });
    expect(store.names().get('user:u-me')).toBe('me@contoso.example');
  });

  it('keeps a refusal beside its item until the item is tried again', async () => {
    const store = await openWith(new AccessReviewsApiDouble());
    expect(await store.decide('rev-1:k1', 'KEEP', ' ')).toBe(false);
    expect(store.itemErrors().get('rev-1:k1')).toMatch(/^A justification of 1 to 1,000 characters/);
    expect(store.pending().size).toBe(0);
    expect(await store.decide('rev-1:k1', 'KEEP', 'Needed')).toBe(true);
    expect(store.itemErrors().size).toBe(0);
  });

  it('keeps the checked items with one justification, unchecking them', async () => {
    const api = new AccessReviewsApiDouble();
    const store = await openWith(api);
    store.toggleAll(['rev-1:k1', 'rev-1:k2']);
    expect(await store.keepChecked('Quarterly check')).toBe(true);
    expect(api.sent).toEqual([{ call: 'decideMany', itemIds: ['rev-1:k1', 'rev-1:k2'], decision: 'KEEP', justification: 'Quarterly check' }]);
    expect(store.checked().size).toBe(0);
    expect(store.review()).toMatchObject({ kept: 2 });
  });

  it('reads the page again when a bulk decision is refused part way, and says why', async () => {
    const api = new AccessReviewsApiDouble();
    const store = await openWith(api);
    store.toggle('rev-1:k1');
    store.toggle('rev-1:k3');
    const decideMany = api.decideMany.bind(api);
    api.decideMany = async (ids, decision, justification) => {
      await decideMany(ids.slice(0, 1), decision, justification);
      throw new ApiError('FORBIDDEN', 'Nobody decides on their own app password: another reviewer must.');
    };
    expect(await store.keepChecked('Quarterly check')).toBe(false);
    expect(store.bulkError()).toBe('Nobody decides on their own app password: another reviewer must.');
    expect(store.items.rows()[0].decision).toBe('KEEP');
    expect(store.checked()).toEqual(new Set(['rev-1:k1', 'rev-1:k3']));
  });

  it('refuses more than 500 at once before asking', async () => {
    const api = new AccessReviewsApiDouble();
    const store = await openWith(api);
    store.toggleAll(Array.from({ length: 501 }, (_, index) => `rev-1:x${index}`));
    expect(await store.keepChecked('x')).toBe(false);
    expect(store.bulkError()).toBe('One decision takes at most 500 items: 501 are selected.');
    expect(api.sent).toEqual([]);
  });

  it('says so when the review is not there', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = null;
    const store = await openWith(api);
    expect(store.request.error()).toBe('No such access review, or it is not yours to see.');
  });

  it('stops a repeating review, and shows a refusal in the server’s words', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = reviewOf({ recurEveryDays: 30, nextStartsAt: '2026-12-31T09:00:00.000Z' });
    const store = await openWith(api);
    expect(await store.stopRecurrence()).toBe(true);
    expect(store.review()).toMatchObject({ recurEveryDays: 30, nextStartsAt: null });
    expect(api.sent).toContainEqual({ call: 'stopRecurrence', reviewId: 'rev-1' });
    api.review = reviewOf();
    expect(await store.stopRecurrence()).toBe(false);
    expect(store.recurrenceError()).toBe('This review does not repeat: there is nothing to stop.');
    expect(store.isStoppingRecurrence()).toBe(false);
  });
});
