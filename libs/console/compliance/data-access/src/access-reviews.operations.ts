import { graphql } from '@keyward/console/shared/data-access';

/** The access-review GraphQL of the console (DESIGN §8: `accessReviews`, `startAccessReview`, decisions and attestations). */

graphql(`
  fragment AccessReviewFields on AccessReview {
    id name status startedAt startedBy dueAt completedAt revokeUndecided reviewerIds filter total kept revoked undecided
    recurEveryDays nextStartsAt previousReviewId nextReviewId
  }
`);

graphql(`
  fragment AccessReviewItemFields on AccessReviewItem {
    id reviewId appPasswordId userId userPrincipalName label scopes createdAt lastUsedAt usesLast30Days recommendation
    decision justification decidedBy decidedAt attestedAt attestationNote
  }
`);

export const ACCESS_REVIEWS = graphql(`
  query AccessReviews($first: Int, $after: String) {
    accessReviews(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewFields } } }
  }
`);

export const ACCESS_REVIEW = graphql(`
  query AccessReview($id: ID!) { accessReview(id: $id) { ...AccessReviewFields } }
`);

export const ACCESS_REVIEW_ITEMS = graphql(`
  query AccessReviewItems($id: ID!, $selection: AccessReviewItemSelection, $first: Int, $after: String) {
    accessReview(id: $id) {
      id
      items(selection: $selection, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AccessReviewItemFields } } }
    }
  }
`);

export const START_ACCESS_REVIEW = graphql(`
  mutation StartAccessReview($input: StartAccessReviewInput!) { startAccessReview(input: $input) { ...AccessReviewFields } }
`);

export const STOP_ACCESS_REVIEW_RECURRENCE = graphql(`
  mutation StopAccessReviewRecurrence($reviewId: ID!) { stopAccessReviewRecurrence(reviewId: $reviewId) { ...AccessReviewFields } }
`);

export const DECIDE_ACCESS_REVIEW_ITEM = graphql(`
  mutation DecideAccessReviewItem($input: DecideAccessReviewItemInput!) { decideAccessReviewItem(input: $input) { ...AccessReviewItemFields } }
`);

export const DECIDE_ACCESS_REVIEW_ITEMS = graphql(`
  mutation DecideAccessReviewItems($input: DecideAccessReviewItemsInput!) { decideAccessReviewItems(input: $input) { ...AccessReviewItemFields } }
`);

export const ATTEST_ACCESS_REVIEW_ITEM = graphql(`
  mutation AttestAccessReviewItem($input: AttestAccessReviewItemInput!) { attestAccessReviewItem(input: $input) { ...AccessReviewItemFields } }
`);

export const REVIEWER_NAME = graphql(`
  query ReviewerName($id: ID!) { user(id: $id) { id userPrincipalName } }
`);
