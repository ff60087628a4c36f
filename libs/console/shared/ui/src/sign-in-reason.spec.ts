import { plainReason } from './sign-in-reason';

// "Why did my client fail?": every reason Keyward records for a refused sign-in (the domain's
// REJECTION_REASONS and SignInFailureReason) in the words the console's troubleshooting shows,
// each saying what happened and what to do.
describe('the reasons a sign-in failed, in plain words', () => {
  it.each([
    ['TYPO', /one character off.*Check what the app has saved/],
    ['WRONG_SECRET', /does not match this app password/],
    ['WRONG_USER', /belongs to someone else than the user name the app sent/],
    ['REVOKED', /was revoked\. Generate a new one/],
    ['SUSPENDED', /suspended while an incident is investigated/],
    ['EXPIRED', /has expired\. Generate a new one/],
    ['SCOPE_NOT_ALLOWED', /right, but not for this protocol/],
    ['USER_DISABLED', /account is disabled/],
    ['UNKNOWN_USER', /user name is not known/],
    ['MALFORMED_PASSWORD', /not an app password at all\. Copy the app password again; Keyward ignores spaces and hidden characters/],
    ['PRIMARY_PASSWORD_USED', /your own password, not an app password.*change your own password/],
    ['UNKNOWN_CREDENTIAL', /No app password with this beginning exists/],
  ])('%s', (reason, words) => {
    expect(plainReason(reason)).toMatch(words);
  });

  it('says a successful sign-in succeeded, and shows a reason it does not know as it is', () => {
    expect(plainReason(null)).toBe('Signed in.');
    expect(plainReason('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
