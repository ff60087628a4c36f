import { ApiError } from '@keyward/console/shared/data-access';
import { exportErrorMessage, refusalOf } from './export-errors';

describe('a refused export in plain words', () => {
  it('keeps the server’s message for bad input', () => {
    const refusal = refusalOf(400, JSON.stringify({ error: 'bad_request', message: 'to (500) is past the end of the log (120 records).' }));
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', message: 'to (500) is past the end of the log (120 records).', details: { status: 400 } });
    expect(exportErrorMessage(refusal)).toBe('to (500) is past the end of the log (120 records).');
  });

  it('keeps the message of a domain refusal, by the code in its body: an unknown user is NOT_FOUND', () => {
    const refusal = refusalOf(404, JSON.stringify({ code: 'NOT_FOUND', message: 'There is no user nobody@contoso.example in this tenant.' }));
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', details: { status: 404 } });
    expect(exportErrorMessage(refusal)).toBe('There is no user nobody@contoso.example in this tenant.');
    expect(exportErrorMessage(refusalOf(400, JSON.stringify({ code: 'BAD_USER_INPUT', message: 'from (9) is after to (3).' })))).toBe('from (9) is after to (3).');
  });

  it('tells a missing recent sign-in from a role without the permission', () => {
    expect(exportErrorMessage(refusalOf(403, '{"error":"step_up_required"}'))).toBe('Exports need a recent sign-in: sign out, sign in again, then download within five minutes.');
    expect(exportErrorMessage(refusalOf(403, '{"statusCode":403,"message":"Forbidden resource"}'))).toMatch(/^Your role does not allow exports: global admins and auditors/);
  });

  it('says what to do about an ended session, a server failure and a body that is not JSON', () => {
    expect(exportErrorMessage(refusalOf(401, ''))).toBe('Your session has ended. Sign in again, then repeat this.');
    expect(exportErrorMessage(refusalOf(500, '<html>oops</html>'))).toBe('Keyward failed to do this. Try again; if it keeps failing, tell your administrator.');
    expect(exportErrorMessage(refusalOf(400, 'not json'))).toBe('Keyward refused these settings: check the range or the user, then try again.');
  });

  it('passes a broken connection’s words on, and any other error’s message', () => {
    expect(exportErrorMessage(new ApiError('NETWORK', 'Keyward could not be reached.'))).toBe('Keyward could not be reached.');
    expect(exportErrorMessage(new Error('Keyward sent a checkpoint that is not a signed note.'))).toBe('Keyward sent a checkpoint that is not a signed note.');
  });
});
