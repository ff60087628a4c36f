import { alertIdFor } from './alert-finding';
import { detectFailureBurst } from './failure-burst.detector';
import { attempt, detectorSpecFor, iso, MINUTE, SECOND, T0, times, used } from './testing/sign-ins';

const spec = detectorSpecFor(detectFailureBurst);
/** Failures of alice's account, each from an address of its own (so only the account counts). */
const aliceFails = (i: number, at = T0 + i * SECOND) => attempt({ at, sourceIp: `198.51.100.${i % 250}` });
/** Failures from one address, each for an account of its own. */
const fromOneAddress = (i: number, at = T0 + i * SECOND) => attempt({ at, userId: `u-${i}`, userPrincipalName: `user${i}@contoso.example`, sourceIp: '203.0.113.9' });

describe('FAILURE_BURST for an account', () => {
  it('stays quiet at 19 failures in the window and raises at the 20th, counting all 20', () => {
    const given = spec.given(times(19, (i) => aliceFails(i)));
    expect(given.found).toEqual([]);
    const twentieth = aliceFails(19);
    given.when(twentieth).then([
      {
        type: 'raise',
        facts: expect.objectContaining({
          alertId: alertIdFor('FAILURE_BURST', 't-1', 'account:u-alice', twentieth.eventId),
          kind: 'FAILURE_BURST',
          severity: 'MEDIUM',
          subject: 'account:u-alice',
          userId: 'u-alice',
          userPrincipalName: 'alice@contoso.example',
          sourceIp: null,
          count: 20,
          firstSeenAt: iso(T0),
          lastSeenAt: iso(T0 + 19 * SECOND),
          raisedBy: twentieth.eventId,
        }),
      },
    ]);
  });

  it('counts a failure exactly one window old out, and one a millisecond younger in', () => {
    const first = aliceFails(0, T0);
    const middle = times(18, (i) => aliceFails(i + 1, T0 + MINUTE + i * SECOND));
    spec.given([first, ...middle]).when(aliceFails(19, T0 + 5 * MINUTE)).thenNothing();
    const raised = spec.given([first, ...middle]).when(aliceFails(19, T0 + 5 * MINUTE - 1)).findings;
    expect(raised).toEqual([{ type: 'raise', facts: expect.objectContaining({ count: 20, firstSeenAt: iso(T0) }) }]);
  });

  it('counts further failures towards the same alert while they come within the window of the last', () => {
    const burst = times(20, (i) => aliceFails(i));
    const given = spec.given([...burst, aliceFails(20, T0 + 4 * MINUTE)]);
    const [raise, repeat] = given.found;
    expect(repeat).toEqual({ type: 'repeat', tenantId: 't-1', alertId: raise.type === 'raise' ? raise.facts.alertId : '', count: 21, lastSeenAt: iso(T0 + 4 * MINUTE) });
    given.when(aliceFails(21, T0 + 9 * MINUTE)).then([expect.objectContaining({ type: 'repeat', count: 22 })]);
  });

  it('raises a new alert only after a quiet window and 20 fresh failures', () => {
    const burst = times(20, (i) => aliceFails(i));
    const later = T0 + 19 * SECOND + 5 * MINUTE + 1;
    const given = spec.given([...burst, ...times(19, (i) => aliceFails(i, later + i))]);
    expect(given.found.map((finding) => finding.type)).toEqual(['raise']);
    const again = given.when(aliceFails(19, later + 19)).findings;
    expect(again).toEqual([{ type: 'raise', facts: expect.objectContaining({ count: 20 }) }]);
    expect(again[0].type === 'raise' && given.found[0].type === 'raise' && again[0].facts.alertId !== given.found[0].facts.alertId).toBe(true);
  });

  it('does not count successful sign-ins, nor let them interrupt a burst', () => {
    const mixed = times(19, (i) => aliceFails(i)).flatMap((failure, i) => [failure, used({ at: T0 + i * SECOND, userId: 'u-alice' })]);
    spec.given(mixed).when(aliceFails(19)).then([expect.objectContaining({ type: 'raise' })]);
  });

  it('counts an account that does not exist like one that does (a guessed name)', () => {
    const ghost = (i: number) => attempt({ at: T0 + i, reason: 'UNKNOWN_USER', userId: 'u-ghost', userPrincipalName: 'ghost@contoso.example', sourceIp: null });
    spec.given(times(19, ghost)).when(ghost(19)).then([{ type: 'raise', facts: expect.objectContaining({ subject: 'account:u-ghost', userPrincipalName: 'ghost@contoso.example' }) }]);
  });

  it('keeps tenants apart', () => {
    const elsewhere = (i: number) => ({ ...aliceFails(i), tenantId: i % 2 === 0 ? 't-1' : 't-2' });
    // 38 failures of the same account id, 19 in each tenant: neither reaches 20.
    spec.given(times(37, elsewhere)).when(elsewhere(37)).thenNothing();
  });
});

describe('FAILURE_BURST from an address', () => {
  it('raises at the 20th failure from one address, whichever accounts they were for', () => {
    spec
      .given(times(19, (i) => fromOneAddress(i)))
      .when(fromOneAddress(19))
      .then([{ type: 'raise', facts: expect.objectContaining({ subject: 'address:203.0.113.9', sourceIp: '203.0.113.9', sourceNetwork: '203.0.113.9', userId: null, count: 20 }) }]);
  });

  it('counts an IPv6 /64 as one address, and an IPv4-mapped address as IPv4', () => {
    const v6 = (i: number) => attempt({ at: T0 + i, userId: `u-${i}`, sourceIp: `2001:db8:1:2::${(i + 1).toString(16)}` });
    spec.given(times(19, v6)).when(v6(19)).then([{ type: 'raise', facts: expect.objectContaining({ subject: 'address:2001:db8:1:2::/64', sourceNetwork: '2001:db8:1:2::/64' }) }]);
    const mapped = (i: number) => attempt({ at: T0 + i, userId: `u-${i}`, sourceIp: i % 2 ? '::ffff:203.0.113.9' : '203.0.113.9' });
    spec.given(times(19, mapped)).when(mapped(19)).then([{ type: 'raise', facts: expect.objectContaining({ subject: 'address:203.0.113.9' }) }]);
  });

  it('raises for the account and for the address when one address hammers one account', () => {
    const hammer = (i: number) => attempt({ at: T0 + i, sourceIp: '203.0.113.50' });
    const kinds = spec.given(times(19, hammer)).when(hammer(19)).findings.map((finding) => finding.type === 'raise' && finding.facts.subject);
    expect(kinds).toEqual(['account:u-alice', 'address:203.0.113.50']);
  });
});
