import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { AccessReviewsApi } from '@keyward/console/compliance/data-access';
import { AccessReviewsApiDouble, reviewItemOf, reviewOf, VIEWER_ID } from '@keyward/console/compliance/data-access/testing';
import { NO_ITEMS, ReviewPage } from './review.page';
import { ReviewPageHarness } from './testing/review-page.harness';

const EVERYONE: Permission[] = ['accessReviews.read', 'accessReviews.decide', 'accessReviews.attest'];
const ADMIN_GRANTS: Permission[] = ['accessReviews.read', 'accessReviews.start', 'reports.read'];

/** The review's page at `url`, for a signed-in user `u-me` holding `tenant` over the tenant and `own` over their own. */
async function showReview(api = new AccessReviewsApiDouble(), { tenant = ADMIN_GRANTS, own = EVERYONE, url = '/reviews/rev-1' } = {}) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'reviews/:id', component: ReviewPage }], withComponentInputBinding()),
      { provide: AccessReviewsApi, useValue: api },
      { provide: SessionStore, useValue: new SessionDouble(tenant, own, { id: VIEWER_ID, userPrincipalName: 'me@contoso.example' }) },
    ],
  });
  const router = await RouterTestingHarness.create();
  await router.navigateByUrl(url, ReviewPage);
  await router.fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(router.fixture, ReviewPageHarness);
  return { api, page, settle: () => router.fixture.whenStable() };
}

/** A review of `count` undecided items of alice's, k1 to k<count>. */
function reviewOfMany(count: number): AccessReviewsApiDouble {
  const api = new AccessReviewsApiDouble();
  api.rows = Array.from({ length: count }, (_, index) => reviewItemOf(`k${index + 1}`));
  return api;
}

describe('one access review', () => {
  it('shows its facts, its progress and each item with what a reviewer decides on', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = reviewOf({ filter: '{"user":"alice"}', revokeUndecided: true });
    api.rows = [
      reviewItemOf('k1', { recommendation: 'REVOKE', lastUsedAt: null, usesLast30Days: 0 }),
      reviewItemOf('k2', { decision: 'KEEP', justification: 'Reception PC', decidedBy: `user:${VIEWER_ID}`, decidedAt: '2026-12-02T09:00:00.000Z', attestedAt: '2026-12-01T10:00:00.000Z', attestationNote: 'Scanner' }),
    ];
    const { page } = await showReview(api);
    expect(await page.getHeading()).toBe('App passwords, second half of 2026 Open');
    expect(await page.getFacts()).toMatchObject({
      Covers: 'Active app passwords of owners whose name contains “alice”',
      Due: '2026-12-15 00:00 UTC',
      'At the due date': 'What is still undecided is revoked',
      Reviewers: '2, you among them',
    });
    expect(await page.getProgress()).toEqual({ words: '1 of 2 decided: 1 kept, 0 revoked, 1 undecided.', percent: 50 });
    const [undecided, kept] = await page.getLines();
    expect(undecided).toMatchObject({ owner: 'alice@contoso.example', appPassword: 'Mail k1 imap, smtp', lastUse: 'never 0 uses in 30 days', recommendation: 'Revoke: unused for 30 days', ownerSays: 'nothing yet', decision: 'not decided' });
    expect(undecided.age).toMatch(/^\d+ days$/);
    expect(kept).toMatchObject({ ownerSays: 'Still needed (2026-12-01) “Scanner”', decision: 'Kept Reception PC by me@contoso.example, 2026-12-02 09:00' });
    expect(await page.getRowButtons()).toEqual(['Keep Mail k1 of alice@contoso.example', 'Revoke Mail k1 of alice@contoso.example', 'Revoke Mail k2 of alice@contoso.example']);
    expect(await page.getHistoryUrl()).toBe('/reports/access-review?format=csv&id=rev-1');
  });

  it('decides from the keyboard: j and k move, a keeps and r revokes with one justification, and the focus goes to the next item to decide', async () => {
    const { api, page, settle } = await showReview(reviewOfMany(4));
    await page.typeJustification('Still used by the shared mailbox');
    await page.focusRow(0);
    await page.press('j');
    expect(await page.getFocusedIndex()).toBe(1);
    await page.press('ArrowDown');
    await page.press('k');
    expect(await page.getFocusedIndex()).toBe(1);
    await page.press('a');
    await settle();
    expect(api.sent).toEqual([{ call: 'decide', itemId: 'rev-1:k2', decision: 'KEEP', justification: 'Still used by the shared mailbox' }]);
    expect(await page.getFocusedIndex()).toBe(2);
    expect(await page.isFocusedRowFocused()).toBe(true);
    expect(await page.getJustification()).toBe('Still used by the shared mailbox');

    await page.press('r');
    await settle();
    expect(api.sent.at(-1)).toEqual({ call: 'decide', itemId: 'rev-1:k3', decision: 'REVOKE', justification: 'Still used by the shared mailbox' });
    // k4 is next; after it the search goes round to k1.
    expect(await page.getFocusedIndex()).toBe(3);
    await page.press('a');
    await settle();
    expect(await page.getFocusedIndex()).toBe(0);
    expect((await page.getLines()).map((line) => line.decision.split(' ')[0])).toEqual(['not', 'Kept', 'Revoked', 'Kept']);
    expect((await page.getProgress())?.words).toBe('3 of 4 decided: 2 kept, 1 revoked, 1 undecided.');
  });

  it('shows the server’s words beside the item: a blank justification, one’s own app password, a revocation that is final', async () => {
    const api = new AccessReviewsApiDouble();
    api.rows = [reviewItemOf('k1'), reviewItemOf('k2', { userId: VIEWER_ID, userPrincipalName: 'me@contoso.example', label: 'My phone' }), reviewItemOf('k3', { decision: 'REVOKE', justification: 'Gone', decidedBy: 'user:u-rita', decidedAt: '2026-12-02T09:00:00.000Z' })];
    const { page, settle } = await showReview(api);
    await page.focusRow(0);
    await page.press('a');
    await settle();
    expect(await page.getItemErrors()).toEqual({ 0: 'A justification of 1 to 1,000 characters on one line is required: say why the credential is still needed, or why it goes.' });
    expect(await page.getFocusedIndex()).toBe(0);

    await page.typeJustification('Needed');
    await page.focusRow(1);
    await page.press('r');
    await settle();
    expect(await page.getItemErrors()).toEqual({ 0: expect.any(String), 1: 'Nobody decides on their own app password: another reviewer must.' });
    await page.focusRow(2);
    await page.press('a');
    await settle();
    expect((await page.getItemErrors())[2]).toBe('This credential was revoked by an earlier decision; that is final.');
    expect((await page.getLines())[1].decision).toBe('not decided');
  });

  it('says CONFLICT in the server’s words when the review completed meanwhile', async () => {
    const api = reviewOfMany(2);
    const { page, settle } = await showReview(api);
    api.review = reviewOf({ status: 'COMPLETED', completedAt: '2026-12-15T00:00:00.000Z' });
    await page.typeJustification('Needed');
    await page.pressButton('Keep Mail k1 of alice@contoso.example');
    await settle();
    expect(await page.getItemErrors()).toEqual({ 0: 'The review is completed: its decisions are final.' });
  });

  it('keeps the checked items with one justification, only those one may decide being offered', async () => {
    const api = reviewOfMany(3);
    api.rows.push(reviewItemOf('mine', { userId: VIEWER_ID, userPrincipalName: 'me@contoso.example', label: 'My phone' }));
    const { page, settle } = await showReview(api);
    expect(await page.getCheckboxNames()).toEqual(['Select Mail k1 of alice@contoso.example', 'Select Mail k2 of alice@contoso.example', 'Select Mail k3 of alice@contoso.example']);
    await page.check('Mail k1 of alice@contoso.example');
    await page.check('Mail k3 of alice@contoso.example');
    expect(await page.getKeepSelectedLabel()).toBe('Keep selected (2)');
    await page.typeJustification('Quarterly check: still in use');
    await page.keepSelected();
    await settle();
    expect(api.sent).toEqual([{ call: 'decideMany', itemIds: ['rev-1:k1', 'rev-1:k3'], decision: 'KEEP', justification: 'Quarterly check: still in use' }]);
    expect((await page.getLines()).map((line) => line.decision.split(' ')[0])).toEqual(['Kept', 'not', 'Kept', 'not']);
    expect(await page.getKeepSelectedLabel()).toBe('Keep selected (0)');
  });

  it('offers the owner "I still need this" for their own app password instead of a decision', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = reviewOf({ reviewerIds: ['u-rita'] });
    api.rows = [reviewItemOf('k3', { userId: VIEWER_ID, userPrincipalName: 'me@contoso.example', label: 'My phone' })];
    const { page, settle } = await showReview(api, { tenant: [] });
    expect(await page.hasJustification()).toBe(false);
    expect(await page.getRowButtons()).toEqual(['I still need this: My phone']);
    expect(await page.getHistoryUrl()).toBeNull();
    await page.attest('My phone', 'Mail on my phone');
    await settle();
    expect(api.sent).toEqual([{ call: 'attest', itemId: 'rev-1:k3', note: 'Mail on my phone' }]);
    expect((await page.getLines())[0].ownerSays).toBe('Still needed (2026-12-02) “Mail on my phone”');
    expect(await page.getRowButtons()).toEqual(['I still need this: My phone']);
  });

  it('shows only what is left to decide, or one’s own, through the URL', async () => {
    const api = reviewOfMany(2);
    api.rows[0] = { ...api.rows[0], decision: 'KEEP', justification: 'x', decidedBy: 'user:u-rita', decidedAt: '2026-12-02T09:00:00.000Z' };
    const { page, settle } = await showReview(api);
    await page.show('UNDECIDED');
    await settle();
    expect(TestBed.inject(Router).url).toBe('/reviews/rev-1?show=UNDECIDED');
    expect(api.listed.at(-1)).toEqual({ selection: 'UNDECIDED', first: 100, after: null });
    expect((await page.getLines()).map((line) => line.appPassword)).toEqual(['Mail k2 imap, smtp']);
    await page.show('MINE');
    await settle();
    expect(await (await page.itemsState()).getMessage()).toBe(NO_ITEMS.MINE);
  });

  it('pages through 500 items a hundred at a time', async () => {
    const { api, page, settle } = await showReview(reviewOfMany(500));
    expect(await page.getLines()).toHaveLength(100);
    expect(await page.getPagerStatus()).toBe('500 items · page 1');
    await page.nextPage();
    await settle();
    expect(api.listed).toEqual([
      { selection: 'ALL', first: 100, after: null },
      { selection: 'ALL', first: 100, after: '100' },
    ]);
    expect((await page.getLines())[0].appPassword).toBe('Mail k101 imap, smtp');
    expect(await page.getPagerStatus()).toBe('500 items · page 2');
  });

  it('says so when the review is not there, or not the viewer’s to see', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = null;
    const { page } = await showReview(api);
    expect(await (await page.state()).getMessage()).toMatch(/^No such access review, or it is not yours to see\./);
  });

  it('says when a repeating review repeats, and lets whoever may start reviews stop it', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = reviewOf({ recurEveryDays: 30, nextStartsAt: '2026-12-31T09:00:00.000Z', previousReviewId: 'rev-0' });
    const { page, settle } = await showReview(api);
    expect((await page.getFacts())['Repeats']).toMatch(/^Repeats every 30 days; the next starts 2026-12-31 09:00 UTC\s+Stop repeating\s+\(the previous review\)$/);
    await page.stopRepeating();
    await settle();
    expect(api.sent).toContainEqual({ call: 'stopRecurrence', reviewId: 'rev-1' });
    expect((await page.getFacts())['Repeats']).toMatch(/^Every 30 days; stopped, no review follows this one/);
    expect(await page.canStopRepeating()).toBe(false);
  });

  it('links a repeating review whose successor has started to that review', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = reviewOf({ recurEveryDays: 30, nextStartsAt: null, nextReviewId: 'rev-2' });
    const { page } = await showReview(api);
    expect((await page.getFacts())['Repeats']).toBe('Every 30 days; the next review has started');
    expect(await page.nextReviewLink()).toBe('/reviews/rev-2');
    expect(await page.canStopRepeating()).toBe(false);
  });

  it('shows a refused stop in the server’s words, and offers no stop to whoever may not start reviews', async () => {
    const api = new AccessReviewsApiDouble();
    api.review = reviewOf({ recurEveryDays: 30, nextStartsAt: '2026-12-31T09:00:00.000Z' });
    api.stopRecurrence = async () => {
      throw new ApiError('FORBIDDEN', 'This needs the permission accessReviews.start over the whole tenant.');
    };
    const { page, settle } = await showReview(api);
    await page.stopRepeating();
    await settle();
    expect(await page.getRecurrenceError()).toBe('This needs the permission accessReviews.start over the whole tenant.');
    TestBed.resetTestingModule();
    const reader = await showReview(api, { tenant: ['accessReviews.read'] });
    expect((await reader.page.getFacts())['Repeats']).toBe('Repeats every 30 days; the next starts 2026-12-31 09:00 UTC');
    expect(await reader.page.canStopRepeating()).toBe(false);
  });
});
