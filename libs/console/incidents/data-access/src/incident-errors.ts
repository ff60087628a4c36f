import { ApiError, messageOf } from '@keyward/console/shared/data-access';

/**
 * A failed incident request in a sentence a responder can act on, by its `extensions.code`.
 * BAD_USER_INPUT keeps the server's message: it names the field and the rule.
 */
export function incidentErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  switch (error.code) {
    case 'CONFLICT': {
      const matched = error.details['matched'];
      return typeof matched === 'number' ? `The match changed to ${matched}: preview again before confirming.` : error.message;
    }
    case 'FORBIDDEN':
      return 'Your role does not allow this. Revoking or suspending in bulk needs the incident responder or global admin role.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again, then repeat this.';
    case 'STEP_UP_REQUIRED':
      return 'Confirm it is you: sign in again, then repeat this within five minutes.';
    case 'NOT_FOUND':
      return 'No such revocation case in your tenant. It may have been mistyped in the address.';
    case 'POLICY_VIOLATION':
      return `The tenant's policy does not allow this: ${error.message}`;
    case 'INTERNAL_SERVER_ERROR':
      return 'Keyward failed to do this. Try again; if it keeps failing, tell your administrator.';
    default:
      return error.message;
  }
}

/** Whether the error says the query now matches another number than the one confirmed. */
export function isMatchConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'CONFLICT' && typeof error.details['matched'] === 'number';
}
