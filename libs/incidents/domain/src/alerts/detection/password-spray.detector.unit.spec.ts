import { detectPasswordSpray } from './password-spray.detector';
import { attempt, detectorSpecFor, iso, MINUTE, SECOND, T0, times, used } from './testing/sign-ins';

const spec = detectorSpecFor(detectPasswordSpray);
/** A failure for account `n` from the sprayer's address. */
const sprayed = (n: number, at = T0 + n * SECOND) => attempt({ at, reason: 'UNKNOWN_USER', userId: `u-${n}`, userPrincipalName: `user${n}@contoso.example`, sourceIp: '203.0.113.66' });

describe('PASSWORD_SPRAY', () => {
  it('stays quiet at 9 accounts and raises at the 10th distinct account failing from one address', () => {
    const given = spec.given(times(9, (n) => sprayed(n)));
    expect(given.found).toEqual([]);
    given.when(sprayed(9)).then([
      {
        type: 'raise',
        facts: expect.objectContaining({
          kind: 'PASSWORD_SPRAY',
          severity: 'HIGH',
          subject: 'address:203.0.113.66',
          sourceIp: '203.0.113.66',
          sourceNetwork: '203.0.113.66',
          accounts: 10,
          count: 10,
          userId: null,
          firstSeenAt: iso(T0),
          lastSeenAt: iso(T0 + 9 * SECOND),
        }),
      },
    ]);
  });

  it('counts every failure in the window, several per account included', () => {
    const twice = times(9, (n) => sprayed(n)).flatMap((failure) => [failure, { ...failure, eventId: `${failure.eventId}-again` }]);
    spec.given(twice).when(sprayed(9)).then([{ type: 'raise', facts: expect.objectContaining({ accounts: 10, count: 19 }) }]);
  });

  it('is not a spray when many failures hit few accounts', () => {
    spec.given(times(40, (i) => sprayed(i % 3))).when(sprayed(3)).thenNothing();
  });

  it('counts only accounts that failed within the window: one exactly ten minutes old is out', () => {
    const first = sprayed(0, T0);
    const rest = times(8, (n) => sprayed(n + 1, T0 + 5 * MINUTE + n));
    spec.given([first, ...rest]).when(sprayed(9, T0 + 10 * MINUTE)).thenNothing();
    spec.given([first, ...rest]).when(sprayed(9, T0 + 10 * MINUTE - 1)).then([expect.objectContaining({ type: 'raise' })]);
  });

  it('counts further failures from the address towards the same alert, until a quiet window', () => {
    const given = spec.given([...times(10, (n) => sprayed(n)), sprayed(10, T0 + 8 * MINUTE)]);
    expect(given.found.map((finding) => finding.type)).toEqual(['raise', 'repeat']);
    expect(given.found[1]).toEqual(expect.objectContaining({ count: 11, lastSeenAt: iso(T0 + 8 * MINUTE) }));
    given.when(sprayed(11, T0 + 18 * MINUTE + 1)).thenNothing();
  });

  it('ignores successful sign-ins and failures with no address', () => {
    const noAddress = (n: number) => attempt({ at: T0 + n, userId: `u-${n}`, sourceIp: null });
    spec.given(times(12, noAddress)).when(noAddress(12)).thenNothing();
    const successes = (n: number) => used({ at: T0 + n, userId: `u-${n}`, sourceIp: '203.0.113.66' });
    spec.given(times(12, successes)).when(successes(12)).thenNothing();
  });
});
