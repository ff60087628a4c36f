import { ApiError } from '@keyward/console/shared/data-access';
import { incidentErrorMessage } from './incident-errors';

/**
 * A failed scan in a sentence a responder can act on. BAD_USER_INPUT keeps the server's message
 * (it names the limit: more than 1,000 app passwords, or text made of look-alikes); a file the
 * server would not read gets plain words instead of the server's curl hint.
 */
export function leakScanErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return incidentErrorMessage(error);
  switch (error.code) {
    case 'PAYLOAD_TOO_LARGE':
      return 'The file is too large: at most 20 MB is scanned at once. Split it and upload the parts one by one.';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return `The file is not UTF-8 text, so it was not scanned${whereOf(error.message)}. Keyward scans text such as logs, pastes and configuration files: save it as UTF-8 text, or paste the part that matters.`;
    case 'FORBIDDEN':
      return 'Your role does not allow scanning for leaks: it needs the incident responder or global admin role.';
    default:
      return incidentErrorMessage(error);
  }
}

/** What the server found not to be text (": byte 11 is NUL"), from its message, or ''. */
function whereOf(message: string): string {
  const found = /byte \d+ is NUL|bytes \d+ to \d+|its last bytes/.exec(message);
  return found ? ` (${found[0]})` : '';
}
