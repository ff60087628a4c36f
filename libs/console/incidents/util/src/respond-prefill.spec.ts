import type { AlertRow } from './alert';
import { respondPrefillFrom, respondPrefillOf, respondQueryParams } from './respond-prefill';

/** A spray from 203.0.113.66, with these fields as given. */
function alertOf(fields: Partial<AlertRow>): AlertRow {
  const times = { firstSeenAt: '2026-12-01T10:00:30.000Z', lastSeenAt: '2026-12-01T10:05:00.000Z' };
  const acknowledgement = { acknowledged: false, acknowledgedAt: null, acknowledgedBy: null };
  const about = { appPassword: null, user: null, userPrincipalName: null, sourceIp: '203.0.113.66', sourceNetwork: '203.0.113.66', accounts: 10, credentialStatus: null };
  return { id: 'alert-1', kind: 'PASSWORD_SPRAY', severity: 'HIGH', count: 10, ...times, ...about, ...acknowledgement, ...fields };
}

const thunderbird = { id: 'k1', label: 'Thunderbird', status: 'ACTIVE' };
const alice = { id: 'u-alice', userPrincipalName: 'alice@contoso.example' };

describe('responding to an alert as a case', () => {
  it('aims an address alert at what was used from the address since the alert began', () => {
    expect(respondPrefillOf(alertOf({}))).toEqual({
      usedFromAddress: '203.0.113.66',
      usedAfter: '2026-12-01T10:00:30.000Z',
      reason: 'Alert: Password spray (203.0.113.66)',
      incidentRef: 'alert:alert-1',
    });
    const ipv6Burst = alertOf({ kind: 'FAILURE_BURST', sourceIp: '2001:db8:1:2::9', sourceNetwork: '2001:db8:1:2::/64', accounts: null });
    expect(respondPrefillOf(ipv6Burst)).toMatchObject({ usedFromAddress: '2001:db8:1:2::/64', reason: 'Alert: Burst of failed sign-ins (2001:db8:1:2::9)' });
  });

  it('aims a revoked credential presented with its secret at where its holder is, since the credential is out of service already', () => {
    const revokedUsed = alertOf({ kind: 'REVOKED_CREDENTIAL_USED', appPassword: { ...thunderbird, status: 'REVOKED' }, user: alice, sourceIp: '203.0.113.7', sourceNetwork: '203.0.113.0/24' });
    expect(respondPrefillOf(revokedUsed)).toEqual({
      usedFromAddress: '203.0.113.7',
      usedAfter: '2026-12-01T10:00:30.000Z',
      reason: 'Alert: Revoked app password used (alice@contoso.example)',
      incidentRef: 'alert:alert-1',
    });
  });

  it('aims a new network at the credential, and an account burst at the account', () => {
    const arrival = alertOf({ kind: 'NEW_SOURCE_ADDRESS', appPassword: thunderbird, user: alice, sourceIp: '100.64.3.3', sourceNetwork: '100.64.3.0/24' });
    expect(respondPrefillOf(arrival)).toEqual({ ids: ['k1'], reason: 'Alert: Used from a new network (alice@contoso.example)', incidentRef: 'alert:alert-1' });
    const accountBurst = alertOf({ kind: 'FAILURE_BURST', sourceIp: null, sourceNetwork: null, user: alice, userPrincipalName: 'alice@contoso.example' });
    expect(respondPrefillOf(accountBurst)).toMatchObject({ users: ['alice@contoso.example'] });
  });

  it('has nothing to aim at for a burst on an account that does not exist', () => {
    expect(respondPrefillOf(alertOf({ kind: 'FAILURE_BURST', sourceIp: null, sourceNetwork: null, userPrincipalName: 'nobody@contoso.example' }))).toBeNull();
  });

  it('carries the prefill through the query string and reads back only what makes sense', () => {
    const prefill = { ids: ['k1', 'k2'], usedFromAddress: '203.0.113.0/24', usedAfter: '2026-12-01T10:00:30.000Z', reason: 'Alert: Password spray', incidentRef: 'alert:a' };
    const params = respondQueryParams(prefill);
    expect(params).toEqual({ ids: 'k1,k2', usedFromAddress: '203.0.113.0/24', usedAfter: '2026-12-01T10:00:30.000Z', reason: 'Alert: Password spray', incidentRef: 'alert:a' });
    expect(respondPrefillFrom(new URLSearchParams(params))).toEqual(prefill);
    expect(respondPrefillFrom(new URLSearchParams({ ids: 'k1,,k1 , k2', usedAfter: 'yesterday', reason: '  ' }))).toEqual({ ids: ['k1', 'k2'] });
  });
});
