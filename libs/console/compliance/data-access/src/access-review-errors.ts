import { ApiError, messageOf } from '@keyward/console/shared/data-access';

/**
 * A refused review request in a sentence. The server's message is kept where it names the rule:
 * one's own app password (FORBIDDEN), a completed review or a final revocation (CONFLICT), a
 * blank justification or a due date out of range (BAD_USER_INPUT), a review out of reach (NOT_FOUND).
 */
export function accessReviewErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  switch (error.code) {
    case 'FORBIDDEN':
      return error.message || 'Your role does not allow this: only the reviewers named when the review started decide its items.';
    case 'CONFLICT':
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
      return error.message;
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again, then repeat this.';
    case 'NETWORK':
      return error.message;
    default:
      return 'Keyward failed to do this. Try again; if it keeps failing, tell your administrator.';
  }
}
