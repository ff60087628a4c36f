import { isAttestable, isDecidable, isReviewerOf, reviewProgressOf } from './access-review-rules';
import { reviewItemOf, reviewOf, VIEWER_ID } from './testing/access-reviews-api.double';

describe('who may do what with an item under review', () => {
  const review = reviewOf();
  const alices = reviewItemOf('k1');
  const mine = reviewItemOf('k2', { userId: VIEWER_ID });

  it('lets a reviewer decide another owner’s item while the review is open, and change a KEEP to a REVOKE', () => {
    expect(isDecidable(review, alices, VIEWER_ID)).toBe(true);
    expect(isDecidable(review, { ...alices, decision: 'KEEP' }, VIEWER_ID)).toBe(true);
  });

  it('never lets anyone decide their own app password, a revoked item, a completed review, or a review they do not review', () => {
    expect(isDecidable(review, mine, VIEWER_ID)).toBe(false);
    expect(isDecidable(review, { ...alices, decision: 'REVOKE' }, VIEWER_ID)).toBe(false);
    expect(isDecidable(reviewOf({ status: 'COMPLETED' }), alices, VIEWER_ID)).toBe(false);
    expect(isDecidable(reviewOf({ reviewerIds: ['u-rita'] }), alices, VIEWER_ID)).toBe(false);
    expect(isDecidable(review, alices, null)).toBe(false);
  });

  it('lets only the owner say their app password is still needed, while the review is open', () => {
    expect(isAttestable(review, mine, VIEWER_ID)).toBe(true);
    expect(isAttestable(review, alices, VIEWER_ID)).toBe(false);
    expect(isAttestable(reviewOf({ status: 'COMPLETED' }), mine, VIEWER_ID)).toBe(false);
  });

  it('knows the reviewers, and how far the review has come', () => {
    expect(isReviewerOf(review, VIEWER_ID)).toBe(true);
    expect(isReviewerOf(review, 'u-alice')).toBe(false);
    expect(reviewProgressOf({ total: 8, kept: 3, revoked: 1, undecided: 4 })).toEqual({ decided: 4, percent: 50 });
    expect(reviewProgressOf({ total: 0, kept: 0, revoked: 0, undecided: 0 })).toEqual({ decided: 0, percent: 100 });
  });
});
