import { specFor } from '@keyward/shared/domain/testing';
import { alertDecider } from './alert';
import type { AlertEvent, AlertFacts } from './alert.events';

const spec = specFor(alertDecider);
const facts: AlertFacts = {
  alertId: 'al-1',
  tenantId: 't-1',
  kind: 'FAILURE_BURST',
  severity: 'MEDIUM',
  subject: 'account:u-1',
  firstSeenAt: '2026-12-01T09:00:00.000Z',
  lastSeenAt: '2026-12-01T09:01:00.000Z',
  count: 20,
  appPasswordId: null,
  userId: 'u-1',
  userPrincipalName: 'alice@contoso.example',
  sourceIp: null,
  sourceNetwork: null,
  accounts: null,
  credentialStatus: null,
  raisedBy: 'e-20',
};
const raised: AlertEvent = { type: 'AlertRaised', data: facts };
const repeated = (count: number, lastSeenAt: string): AlertEvent => ({ type: 'AlertRepeated', data: { alertId: 'al-1', count, lastSeenAt } });
const acknowledge = { type: 'AcknowledgeAlert' as const, data: { acknowledgedBy: 'user:responder', now: new Date('2026-12-01T10:00:00.000Z') } };

describe('raising an alert', () => {
  it('raises it once', () => {
    spec.given([]).when({ type: 'RaiseAlert', data: facts }).then([raised]);
  });

  it('raised again by another node or a replay: only a higher count is news', () => {
    spec.given([raised]).when({ type: 'RaiseAlert', data: facts }).thenNothingHappens();
    spec
      .given([raised])
      .when({ type: 'RaiseAlert', data: { ...facts, count: 23, lastSeenAt: '2026-12-01T09:02:00.000Z' } })
      .then([repeated(23, '2026-12-01T09:02:00.000Z')]);
  });
});

describe('repeats', () => {
  it('records the new total and the latest time', () => {
    spec.given([raised]).when({ type: 'RecordRepeat', data: { alertId: 'al-1', count: 21, lastSeenAt: '2026-12-01T09:03:00.000Z' } }).then([repeated(21, '2026-12-01T09:03:00.000Z')]);
  });

  it('changes nothing for a total already recorded (a replayed batch)', () => {
    spec.given([raised, repeated(25, '2026-12-01T09:05:00.000Z')]).when({ type: 'RecordRepeat', data: { alertId: 'al-1', count: 25, lastSeenAt: '2026-12-01T09:05:00.000Z' } }).thenNothingHappens();
    spec.given([raised, repeated(25, '2026-12-01T09:05:00.000Z')]).when({ type: 'RecordRepeat', data: { alertId: 'al-1', count: 22, lastSeenAt: '2026-12-01T09:02:00.000Z' } }).thenNothingHappens();
  });

  it('never moves the last sighting back', () => {
    spec.given([raised]).when({ type: 'RecordRepeat', data: { alertId: 'al-1', count: 21, lastSeenAt: '2026-12-01T08:59:00.000Z' } }).then([repeated(21, facts.lastSeenAt)]);
  });

  it('ignores a repeat of an alert that was never raised', () => {
    spec.given([]).when({ type: 'RecordRepeat', data: { alertId: 'al-1', count: 21, lastSeenAt: facts.lastSeenAt } }).thenNothingHappens();
  });
});

describe('acknowledging', () => {
  it('records who acknowledged it and when, once', () => {
    const acknowledged: AlertEvent = { type: 'AlertAcknowledged', data: { alertId: 'al-1', acknowledgedBy: 'user:responder', acknowledgedAt: '2026-12-01T10:00:00.000Z' } };
    spec.given([raised]).when(acknowledge).then([acknowledged]);
    spec.given([raised, acknowledged]).when(acknowledge).thenNothingHappens();
  });

  it('keeps counting repeats after the acknowledgement', () => {
    const acknowledged: AlertEvent = { type: 'AlertAcknowledged', data: { alertId: 'al-1', acknowledgedBy: 'user:r', acknowledgedAt: '2026-12-01T10:00:00.000Z' } };
    spec.given([raised, acknowledged]).when({ type: 'RecordRepeat', data: { alertId: 'al-1', count: 30, lastSeenAt: '2026-12-01T10:05:00.000Z' } }).then([repeated(30, '2026-12-01T10:05:00.000Z')]);
  });

  it('answers NOT_FOUND for an alert that does not exist', () => {
    spec.given([]).when(acknowledge).thenThrows('NOT_FOUND');
  });
});
