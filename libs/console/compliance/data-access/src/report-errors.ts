import { ApiError, messageOf } from '@keyward/console/shared/data-access';

/**
 * A refused report in a sentence: a 400 or 404 keeps the server's message (it names the
 * parameter and the rule, or the review that is not there); the rest say what to do.
 */
export function reportErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return error.message || 'Keyward refused these parameters: check the dates and numbers, then try again.';
    case 'NOT_FOUND':
      return error.message || 'Keyward found no such report or access review in your tenant.';
    case 'FORBIDDEN':
      return 'Your role does not allow reports: global admins and auditors read them.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again, then repeat this.';
    case 'NETWORK':
      return error.message;
    default:
      return 'Keyward failed to draw this report. Try again; if it keeps failing, tell your administrator.';
  }
}
