import { detectRevokedCredentialUsed } from './revoked-credential-used.detector';
import { detectorSpecFor, HOUR, iso, rejected, T0, used } from './testing/sign-ins';

const spec = detectorSpecFor(detectRevokedCredentialUsed);

describe('REVOKED_CREDENTIAL_USED', () => {
  it('raises, high, the first time a revoked credential is presented with its correct secret', () => {
    spec
      .given([])
      .when(rejected('REVOKED', { sourceIp: '203.0.113.7' }))
      .then([
        {
          type: 'raise',
          facts: expect.objectContaining({
            kind: 'REVOKED_CREDENTIAL_USED',
            severity: 'HIGH',
            subject: 'credential:ap-1@203.0.113.0/24',
            appPasswordId: 'ap-1',
            userId: 'u-alice',
            sourceIp: '203.0.113.7',
            sourceNetwork: '203.0.113.0/24',
            credentialStatus: 'REVOKED',
            count: 1,
            firstSeenAt: iso(T0),
          }),
        },
      ]);
  });

  it.each(['SUSPENDED', 'EXPIRED'])('raises for a %s credential too', (reason) => {
    spec.given([]).when(rejected(reason)).then([{ type: 'raise', facts: expect.objectContaining({ credentialStatus: reason }) }]);
  });

  it.each(['WRONG_SECRET', 'TYPO', 'WRONG_USER', 'SCOPE_NOT_ALLOWED', 'USER_DISABLED'])('does not raise for a rejection that proves nothing: %s', (reason) => {
    spec.given([]).when(rejected(reason)).thenNothing();
  });

  it('does not raise for a use that was accepted', () => {
    spec.given([]).when(used()).thenNothing();
  });

  it('counts further attempts from the same network towards the alert while they keep coming within a day', () => {
    const given = spec.given([rejected('REVOKED', { at: T0 }), rejected('REVOKED', { at: T0 + 20 * HOUR, sourceIp: '192.0.2.200' })]);
    expect(given.found.map((finding) => finding.type)).toEqual(['raise', 'repeat']);
    given.when(rejected('REVOKED', { at: T0 + 40 * HOUR })).then([expect.objectContaining({ type: 'repeat', count: 3, lastSeenAt: iso(T0 + 40 * HOUR) })]);
  });

  it('raises again after a quiet day, and separately for another network (another holder)', () => {
    const first = rejected('REVOKED', { at: T0 });
    spec.given([first]).when(rejected('REVOKED', { at: T0 + 24 * HOUR + 1 })).then([expect.objectContaining({ type: 'raise' })]);
    spec.given([first]).when(rejected('REVOKED', { at: T0 + HOUR, sourceIp: '198.51.100.1' })).then([expect.objectContaining({ type: 'raise' })]);
  });

  it('puts attempts with no address together', () => {
    const given = spec.given([rejected('EXPIRED', { sourceIp: null })]);
    expect(given.found).toEqual([{ type: 'raise', facts: expect.objectContaining({ subject: 'credential:ap-1@unknown', sourceIp: null, sourceNetwork: null }) }]);
    given.when(rejected('EXPIRED', { sourceIp: null, at: T0 + 1 })).then([expect.objectContaining({ type: 'repeat', count: 2 })]);
  });
});
