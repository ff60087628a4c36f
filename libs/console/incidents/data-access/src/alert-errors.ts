import { ApiError } from '@keyward/console/shared/data-access';
import { incidentErrorMessage } from './incident-errors';

/** A failed alert request in a sentence: who may read or acknowledge, what is missing; the rest as for any incident request. */
export function alertErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'FORBIDDEN') {
    return 'Your role does not allow this. Global admins, incident responders and auditors read alerts; only global admins and incident responders acknowledge them.';
  }
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return 'No such alert in your tenant. Reload the list.';
  return incidentErrorMessage(error);
}
