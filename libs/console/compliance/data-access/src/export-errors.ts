import { ApiError, messageOf } from '@keyward/console/shared/data-access';

/** An HTTP refusal's status as a code beside GraphQL's, for what the body does not name. */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/**
 * A refused export or checkpoint request as an ApiError: a 400 or 404 keeps the server's message
 * (it names what is wrong: from after to, past the end, an unknown user); a 403
 * `{"error":"step_up_required"}` asks for a recent sign-in, any other 403 is the role. The body's
 * `code` (a domain refusal's) wins over the status.
 */
export function refusalOf(status: number, body: string): ApiError {
  let parsed: { code?: unknown; error?: unknown; message?: unknown } = {};
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') parsed = json;
  } catch {
    // Not JSON (a proxy's page, say): the status says enough.
  }
  const message = typeof parsed.message === 'string' ? parsed.message : Array.isArray(parsed.message) ? parsed.message.join(' ') : '';
  const code =
    typeof parsed.code === 'string' && /^[A-Z_]+$/.test(parsed.code)
      ? parsed.code
      : parsed.error === 'step_up_required'
        ? 'STEP_UP_REQUIRED'
        : (STATUS_CODES[status] ?? 'INTERNAL_SERVER_ERROR');
  return new ApiError(code, message, { status });
}

/** A failed export, checkpoint or key request in a sentence an auditor can act on. */
export function exportErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return error.message || 'Keyward refused these settings: check the range or the user, then try again.';
    case 'NOT_FOUND':
      return error.message || 'Keyward found nothing of that in your tenant: check the user’s principal name.';
    case 'STEP_UP_REQUIRED':
      return 'Exports need a recent sign-in: sign out, sign in again, then download within five minutes.';
    case 'FORBIDDEN':
      return 'Your role does not allow exports: global admins and auditors export the audit log and read its checkpoints.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again, then repeat this.';
    case 'NETWORK':
    case 'INTERRUPTED':
      return error.message;
    default:
      return 'Keyward failed to do this. Try again; if it keeps failing, tell your administrator.';
  }
}
