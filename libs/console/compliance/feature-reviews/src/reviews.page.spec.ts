import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ApiError, SessionStore, type Permission } from '@keyward/console/shared/data-access';
import { SessionDouble } from '@keyward/console/shared/data-access/testing';
import { AccessReviewsApi } from '@keyward/console/compliance/data-access';
import { AccessReviewsApiDouble, reviewOf } from '@keyward/console/compliance/data-access/testing';
import { NO_REVIEWS, NO_REVIEWS_OF_YOURS, ReviewsPage } from './reviews.page';
import { ReviewsPageHarness } from './testing/reviews-page.harness';

@Component({ template: 'one review' })
class ReviewStub {}

const ADMIN: Permission[] = ['accessReviews.read', 'accessReviews.start'];

async function showPage(api = new AccessReviewsApiDouble(), tenant: Permission[] = ADMIN, own: Permission[] = []) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'reviews', component: ReviewsPage },
        { path: 'reviews/:id', component: ReviewStub },
      ]),
      { provide: AccessReviewsApi, useValue: api },
      { provide: SessionStore, useValue: new SessionDouble(tenant, own) },
    ],
  });
  const router = await RouterTestingHarness.create();
  await router.navigateByUrl('/reviews', ReviewsPage);
  await router.fixture.whenStable();
  const page = await TestbedHarnessEnvironment.harnessForFixture(router.fixture, ReviewsPageHarness);
  return { api, page, settle: () => router.fixture.whenStable() };
}

describe('the access reviews', () => {
  it('lists each review with its status, dates and progress, linking to it', async () => {
    const api = new AccessReviewsApiDouble();
    api.reviews = [reviewOf({ id: 'rev-2', name: 'Q4', total: 5, kept: 1, revoked: 1, undecided: 3 }), reviewOf({ name: 'Q3', status: 'COMPLETED', total: 2, kept: 2 })];
    const { page } = await showPage(api);
    expect(await page.getLines()).toEqual([
      ['Q4', 'Open', '2026-12-01', '2026-12-15 00:00', '2 of 5 decided: 1 kept, 1 revoked, 3 undecided.'],
      ['Q3', 'Completed', '2026-12-01', '2026-12-15 00:00', '2 of 2 decided: 2 kept, 0 revoked, 0 undecided.'],
    ]);
    expect(await page.getLinks()).toEqual(['/reviews/rev-2', '/reviews/rev-1']);
  });

  it('lets a global admin start a review of some owners, due at the end of a day, and opens it', async () => {
    const { api, page, settle } = await showPage();
    await page.fill('name', 'Q4 review');
    await page.fill('dueDay', '2099-01-31');
    await page.fill('user', 'alice');
    await page.checkRevokeUndecided();
    await page.start();
    await settle();
    expect(api.sent).toEqual([{ call: 'start', input: { name: 'Q4 review', dueAt: '2099-02-01T00:00:00.000Z', revokeUndecided: true, user: 'alice', recurEveryDays: null } }]);
    expect(TestBed.inject(Router).url).toBe('/reviews/rev-new');
  });

  it('starts a review that repeats every so many days, and shows a period out of range before asking', async () => {
    const { api, page, settle } = await showPage();
    await page.fill('name', 'Monthly');
    await page.fill('dueDay', '2099-01-31');
    await page.fill('repeatDays', '6');
    await page.start();
    expect(await page.getProblem()).toBe('Repeat every 7 to 366 days (whole days), or leave it blank for a review that runs once.');
    expect(api.sent).toEqual([]);
    await page.fill('repeatDays', '90');
    await page.start();
    await settle();
    expect(api.sent).toEqual([{ call: 'start', input: expect.objectContaining({ name: 'Monthly', recurEveryDays: 90 }) }]);
  });

  it('says what is wrong before asking, and the server’s words after', async () => {
    const api = new AccessReviewsApiDouble();
    const { page, settle } = await showPage(api);
    await page.start();
    expect(await page.getProblem()).toBe('Name the review, such as "App passwords, second half of 2026".');
    expect(api.sent).toEqual([]);
    api.start = async () => {
      throw new ApiError('BAD_USER_INPUT', 'The filter matches no active app password: a review needs at least one item.');
    };
    await page.fill('name', 'Q4');
    await page.start();
    await settle();
    expect(await page.getProblem()).toBe('The filter matches no active app password: a review needs at least one item.');
  });

  it('gives whoever may not start one no form, and says what is empty', async () => {
    const { page } = await showPage(new AccessReviewsApiDouble(), [], ['accessReviews.read']);
    expect(await page.canStart()).toBe(false);
    expect(await (await page.state()).getMessage()).toBe(NO_REVIEWS_OF_YOURS);
    TestBed.resetTestingModule();
    const admin = await showPage();
    expect(await (await admin.page.state()).getMessage()).toBe(NO_REVIEWS);
  });
});
