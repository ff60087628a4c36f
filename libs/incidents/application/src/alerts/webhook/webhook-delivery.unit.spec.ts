import { createHmac } from 'node:crypto';
import type { RecordedEvent } from '@keyward/shared/event-store';
import type { AlertRaised } from '@keyward/incidents/domain';
import { alertDelivery, isSignatureValid, signatureOf } from './webhook-delivery';

const raised = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  streamId: 'alert-a1',
  revision: 0n,
  position: '1',
  type: 'AlertRaised',
  data: {
    alertId: 'a1',
    tenantId: 't-1',
    kind: 'REVOKED_CREDENTIAL_USED',
    severity: 'HIGH',
    subject: 'credential:ap-1@203.0.113.0/24',
    firstSeenAt: '2026-12-01T09:00:00.000Z',
    lastSeenAt: '2026-12-01T09:00:00.000Z',
    count: 1,
    appPasswordId: 'ap-1',
    userId: 'u-1',
    userPrincipalName: null,
    sourceIp: '203.0.113.7',
    sourceNetwork: '203.0.113.0/24',
    accounts: null,
    credentialStatus: 'REVOKED',
    raisedBy: 'e-1',
    // Were an event ever to carry one, the delivery would still not.
    secretHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  },
  metadata: { tenantId: 't-1', actor: 'system:alert-detection', occurredAt: '2026-12-01T09:00:01.000Z', correlationId: 'c', causationId: 'e-1' },
} as unknown as RecordedEvent & AlertRaised;

describe('a webhook delivery of an alert', () => {
  it('is the same bytes and id at every attempt, keyed by the alert event', () => {
    const first = alertDelivery(raised);
    expect(alertDelivery(raised)).toEqual(first);
    expect(first.id).toBe(raised.id);
    expect(JSON.parse(first.body)).toEqual({
      action: 'raised',
      raisedAt: '2026-12-01T09:00:01.000Z',
      alert: expect.objectContaining({ id: 'a1', kind: 'REVOKED_CREDENTIAL_USED', severity: 'HIGH', appPasswordId: 'ap-1', sourceIp: '203.0.113.7', credentialStatus: 'REVOKED' }),
    });
  });

  it('carries only the fields it names: never a hash', () => {
    const { body } = alertDelivery(raised);
    expect(body).not.toContain('secretHash');
    expect(body).not.toContain('$argon2');
  });

  it('is signed as GitHub signs: sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const { body } = alertDelivery(raised);
    const secret = 'a webhook secret of some length';
    expect(signatureOf(body, secret)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
    expect(isSignatureValid(body, signatureOf(body, secret), secret)).toBe(true);
    expect(isSignatureValid(`${body} `, signatureOf(body, secret), secret)).toBe(false);
    expect(isSignatureValid(body, signatureOf(body, 'another secret entirely'), secret)).toBe(false);
    expect(isSignatureValid(body, undefined, secret)).toBe(false);
    expect(isSignatureValid(body, 'sha256=short', secret)).toBe(false);
  });
});
