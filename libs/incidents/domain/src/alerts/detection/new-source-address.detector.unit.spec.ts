import { DEFAULT_ALERT_SETTINGS } from './alert-settings';
import { alertIdFor } from './alert-finding';
import { detectNewSourceAddress } from './new-source-address.detector';
import { detectorSpecFor, HOUR, iso, rejected, T0, used } from './testing/sign-ins';

const spec = detectorSpecFor(detectNewSourceAddress);
const DAY = 24 * HOUR;
const from = (sourceIp: string, at: number) => used({ sourceIp, at });

describe('NEW_SOURCE_ADDRESS', () => {
  it('learns quietly from the first use: no alert for a credential without history', () => {
    spec.given([]).when(from('198.51.100.10', T0)).thenNothing();
  });

  it('learns other networks quietly during the learning period', () => {
    spec.given([from('198.51.100.10', T0)]).when(from('192.0.2.44', T0 + DAY - 1)).thenNothing();
  });

  it('raises for a network never used once the first use is a learning period old', () => {
    const arrival = from('192.0.2.44', T0 + DAY);
    spec
      .given([from('198.51.100.10', T0)])
      .when(arrival)
      .then([
        {
          type: 'raise',
          facts: expect.objectContaining({
            alertId: alertIdFor('NEW_SOURCE_ADDRESS', 't-1', 'credential:ap-1@192.0.2.0/24', arrival.eventId),
            kind: 'NEW_SOURCE_ADDRESS',
            severity: 'LOW',
            appPasswordId: 'ap-1',
            userId: 'u-alice',
            sourceIp: '192.0.2.44',
            sourceNetwork: '192.0.2.0/24',
            count: 1,
            firstSeenAt: iso(T0 + DAY),
          }),
        },
      ]);
  });

  it('knows a network by its /24 (IPv4) or /64 (IPv6), and what it learnt stays known', () => {
    const history = [from('198.51.100.10', T0), from('2001:db8:5:6::1', T0 + HOUR)];
    spec.given(history).when(from('198.51.100.200', T0 + 3 * DAY)).thenNothing();
    spec.given(history).when(from('2001:db8:5:6:ffff::9', T0 + 3 * DAY)).thenNothing();
    spec.given(history).when(from('2001:db8:5:7::1', T0 + 3 * DAY)).then([expect.objectContaining({ type: 'raise' })]);
  });

  it('counts further uses from the new network towards its alert for a day, then knows it', () => {
    const arrival = from('192.0.2.44', T0 + DAY);
    const given = spec.given([from('198.51.100.10', T0), arrival, from('192.0.2.45', T0 + DAY + HOUR)]);
    expect(given.found).toEqual([expect.objectContaining({ type: 'raise' }), { type: 'repeat', tenantId: 't-1', alertId: expect.any(String), count: 2, lastSeenAt: iso(T0 + DAY + HOUR) }]);
    given.when(from('192.0.2.46', T0 + 2 * DAY + 1)).thenNothing();
  });

  it('ignores refused attempts and uses with no address', () => {
    spec.given([from('198.51.100.10', T0)]).when(rejected('WRONG_SECRET', { sourceIp: '192.0.2.44', at: T0 + 2 * DAY })).thenNothing();
    spec.given([from('198.51.100.10', T0)]).when(used({ sourceIp: null, at: T0 + 2 * DAY })).thenNothing();
  });

  it('keeps each credential’s history apart', () => {
    spec.given([from('198.51.100.10', T0)]).when(used({ appPasswordId: 'ap-2', sourceIp: '192.0.2.44', at: T0 + 2 * DAY })).thenNothing();
  });

  it('alerts at once when the learning period is zero, from the second network on', () => {
    const eager = detectorSpecFor(detectNewSourceAddress, { ...DEFAULT_ALERT_SETTINGS, learningMs: 0 });
    eager.given([from('198.51.100.10', T0)]).when(from('192.0.2.44', T0)).then([expect.objectContaining({ type: 'raise' })]);
  });
});
