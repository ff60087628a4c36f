import { ApiError } from '@keyward/console/shared/data-access';
import { incidentErrorMessage, isMatchConflict } from './incident-errors';

describe('incident errors in sentences', () => {
  it('names the count a query matches now when it moved since the preview', () => {
    const moved = new ApiError('CONFLICT', 'The filter now matches 5 active app passwords, not the 3 expected: preview it again.', { matched: 5, expectedMatched: 3 });
    expect(incidentErrorMessage(moved)).toBe('The match changed to 5: preview again before confirming.');
    expect(isMatchConflict(moved)).toBe(true);
  });

  it('keeps the server’s message for other conflicts and for bad input, which name the rule', () => {
    expect(incidentErrorMessage(new ApiError('CONFLICT', 'The case has completed; there is nothing left to cancel.'))).toBe('The case has completed; there is nothing left to cancel.');
    expect(isMatchConflict(new ApiError('CONFLICT', 'x'))).toBe(false);
    expect(incidentErrorMessage(new ApiError('BAD_USER_INPUT', 'The filter matches no active app password: there is nothing to revoke.'))).toBe(
      'The filter matches no active app password: there is nothing to revoke.',
    );
  });

  it('turns refusals into what to do next', () => {
    expect(incidentErrorMessage(new ApiError('FORBIDDEN', 'Forbidden'))).toMatch(/^Your role does not allow this/);
    expect(incidentErrorMessage(new ApiError('STEP_UP_REQUIRED', 'Step up'))).toMatch(/^Confirm it is you/);
    expect(incidentErrorMessage(new ApiError('UNAUTHENTICATED', 'No session'))).toMatch(/^Your session has ended/);
    expect(incidentErrorMessage(new ApiError('INTERNAL_SERVER_ERROR', 'Internal error'))).toMatch(/^Keyward failed to do this/);
  });
});
