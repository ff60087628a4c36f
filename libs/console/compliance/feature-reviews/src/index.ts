export * from './reviews.page';
export * from './review.page';
