import { FailureThrottle, MAX_DELAY_SECONDS, type ThrottleSettings } from './failure-throttle';

const SMALL: ThrottleSettings = { accountFailuresBeforeDelay: 3, addressFailures: 1000, addressWindowSeconds: 60 };

/** A throttle on a clock the test moves. */
function throttleAt(settings: ThrottleSettings) {
  let now = Date.parse('2026-12-06T10:00:00.000Z');
  const throttle = new FailureThrottle(settings, () => now);
  return { throttle, advance: (seconds: number) => (now += seconds * 1000) };
}

function fail(throttle: FailureThrottle, account: string | null, address: string | null, times = 1): void {
  for (let i = 0; i < times; i++) {
    const ticket = throttle.begin(account, address);
    expect(ticket.waitSeconds).toBe(0);
    ticket.failed();
  }
}

describe('throttling failed sign-ins', () => {
  it('given 100 consecutive failures, when the 101st attempt comes, then it waits, and each further failure doubles the wait', () => {
    const { throttle, advance } = throttleAt({ accountFailuresBeforeDelay: 100, addressFailures: 10_000, addressWindowSeconds: 900 });
    fail(throttle, 'alice@contoso.example', '192.0.2.1', 100);
    expect(throttle.begin('alice@contoso.example', '192.0.2.1').waitSeconds).toBe(1);
    advance(1);
    fail(throttle, 'alice@contoso.example', '192.0.2.1');
    expect(throttle.begin('alice@contoso.example', '192.0.2.1').waitSeconds).toBe(2);
    advance(2);
    fail(throttle, 'alice@contoso.example', '192.0.2.1');
    expect(throttle.begin('alice@contoso.example', '192.0.2.1').waitSeconds).toBe(4);
  });

  it('given a burst of 300 parallel guesses, when each is reserved before any is checked, then exactly the budget is checked', () => {
    const { throttle } = throttleAt({ accountFailuresBeforeDelay: 100, addressFailures: 10_000, addressWindowSeconds: 900 });
    const tickets = Array.from({ length: 300 }, () => throttle.begin('alice@contoso.example', '198.51.100.7'));
    expect(tickets.filter((ticket) => ticket.waitSeconds === 0)).toHaveLength(100);
    for (const ticket of tickets) ticket.failed();
    expect(throttle.begin('alice@contoso.example', '198.51.100.7').waitSeconds).toBeGreaterThan(0);
  });

  it('given a burst from one address across accounts, when each is reserved before any is checked, then at most the address budget is checked', () => {
    const { throttle } = throttleAt({ accountFailuresBeforeDelay: 100, addressFailures: 50, addressWindowSeconds: 900 });
    const tickets = Array.from({ length: 300 }, (_, i) => throttle.begin(`user${i}@contoso.example`, '203.0.113.9'));
    expect(tickets.filter((ticket) => ticket.waitSeconds === 0)).toHaveLength(50);
  });

  it('given a wait longer than the cap would be, when it is imposed, then it is the cap', () => {
    const { throttle, advance } = throttleAt(SMALL);
    for (let i = 0; i < 30; i++) {
      fail(throttle, 'dora@contoso.example', null);
      advance(MAX_DELAY_SECONDS);
    }
    fail(throttle, 'dora@contoso.example', null);
    expect(throttle.begin('dora@contoso.example', null).waitSeconds).toBe(MAX_DELAY_SECONDS);
  });

  it('given failures from elsewhere, when the owner tries from an address they signed in from before, then they get in', () => {
    const { throttle } = throttleAt(SMALL);
    throttle.begin('bob@contoso.example', '192.0.2.10').succeeded();
    fail(throttle, 'bob@contoso.example', '198.51.100.66', 3);
    expect(throttle.begin('bob@contoso.example', '198.51.100.66').waitSeconds).toBeGreaterThan(0);
    expect(throttle.begin('bob@contoso.example', '192.0.2.10').waitSeconds).toBe(0);
  });

  it('given failures, when one succeeds, then counting starts again', () => {
    const { throttle } = throttleAt(SMALL);
    fail(throttle, 'carol@contoso.example', null, 2);
    throttle.begin('carol@contoso.example', null).succeeded();
    fail(throttle, 'carol@contoso.example', null, 3);
    expect(throttle.begin('carol@contoso.example', null).waitSeconds).toBeGreaterThan(0);
  });

  it('given an address that fails across many accounts, when it tries again, then it is blocked for the window, and another address is not', () => {
    const { throttle, advance } = throttleAt({ accountFailuresBeforeDelay: 100, addressFailures: 5, addressWindowSeconds: 60 });
    for (let i = 0; i < 5; i++) fail(throttle, `user${i}@contoso.example`, '203.0.113.9');
    expect(throttle.begin('someone@contoso.example', '203.0.113.9').waitSeconds).toBe(60);
    expect(throttle.begin('someone@contoso.example', '203.0.113.10').waitSeconds).toBe(0);
    advance(60);
    expect(throttle.begin('someone@contoso.example', '203.0.113.9').waitSeconds).toBe(0);
  });

  it('given a name that is no account, when it fails as often as a real one, then it is answered the same: the throttle does not tell which names exist', () => {
    const { throttle } = throttleAt(SMALL);
    fail(throttle, 'real@contoso.example', '192.0.2.5', 3);
    fail(throttle, 'made-up@contoso.example', '192.0.2.5', 3);
    expect(throttle.begin('made-up@contoso.example', '192.0.2.5').waitSeconds).toBe(throttle.begin('real@contoso.example', '192.0.2.5').waitSeconds);
  });

  it('given an attempt that ended in an internal error, when it is abandoned, then nothing is counted; a ticket settles once', () => {
    const { throttle } = throttleAt(SMALL);
    for (let i = 0; i < 10; i++) throttle.begin('erin@contoso.example', null).abandoned();
    const ticket = throttle.begin('erin@contoso.example', null);
    ticket.failed();
    ticket.failed();
    fail(throttle, 'erin@contoso.example', null, 2);
    expect(throttle.begin('erin@contoso.example', null).waitSeconds).toBeGreaterThan(0);
  });

  it('given a day without failures, when the account tries again, then its old failures are forgotten', () => {
    const { throttle, advance } = throttleAt(SMALL);
    fail(throttle, 'finn@contoso.example', null, 3);
    advance(86_401);
    expect(throttle.begin('finn@contoso.example', null).waitSeconds).toBe(0);
  });

  it('counts the accounts that must wait and the addresses blocked, for the metrics, until their time is up', () => {
    // given
    const { throttle, advance } = throttleAt({ accountFailuresBeforeDelay: 3, addressFailures: 5, addressWindowSeconds: 60 });
    expect(throttle.throttled()).toEqual({ accounts: 0, addresses: 0 });
    // when
    fail(throttle, 'gus@contoso.example', '192.0.2.9', 3);
    fail(throttle, 'hal@contoso.example', '192.0.2.9', 2);
    // then
    expect(throttle.throttled()).toEqual({ accounts: 1, addresses: 1 });
    advance(61);
    expect(throttle.throttled()).toEqual({ accounts: 0, addresses: 0 });
  });
});
