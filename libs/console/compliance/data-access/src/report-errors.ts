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

/**
 * A refused schedule or cancellation in a sentence: bad input keeps the server's message (a
 * recipient outside the tenant's domains, a parameter out of range); the rest say what to do.
 */
export function reportScheduleErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return error.message || 'Keyward refused this schedule: check the recipients and the report’s inputs, then try again.';
    case 'NOT_FOUND':
      return error.message || 'Keyward found no such report schedule in your tenant.';
    case 'CONFLICT':
      return error.message || 'This schedule has changed meanwhile: reload the page to see it as it is.';
    case 'FORBIDDEN':
      return 'Your role does not allow scheduling reports: global admins and auditors schedule them.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again, then repeat this.';
    case 'NETWORK':
      return error.message;
    default:
      return 'Keyward failed to do this. Try again; if it keeps failing, tell your administrator.';
  }
}
