import fc from 'fast-check';
import { DomainError } from '@keyward/shared/domain';
import { checkedDecider, eventsOf } from '@keyward/shared/domain/testing';
import { alertDecider, type AlertCommand } from './alert';
import { ALERT_KINDS, ALERT_SEVERITIES } from './alert.events';

/** Event times as the detectors write them: ISO-8601 UTC, so that they sort as text. */
const seenAt = fc.date({ min: new Date('2026-01-01T00:00:00.000Z'), max: new Date('2026-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());
const count = fc.integer({ min: 1, max: 60 });

const raise = fc
  .record({
    alertId: fc.constant('al-1'),
    tenantId: fc.constant('t-1'),
    kind: fc.constantFrom(...ALERT_KINDS),
    severity: fc.constantFrom(...ALERT_SEVERITIES),
    subject: fc.constantFrom('account:u-1', 'address:203.0.113.7'),
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    count,
    appPasswordId: fc.option(fc.constant('ap-1'), { nil: null }),
    userId: fc.option(fc.constant('u-1'), { nil: null }),
    userPrincipalName: fc.option(fc.constant('alice@contoso.example'), { nil: null }),
    sourceIp: fc.option(fc.constant('203.0.113.7'), { nil: null }),
    sourceNetwork: fc.option(fc.constant('203.0.113.0/24'), { nil: null }),
    accounts: fc.option(fc.nat(50), { nil: null }),
    credentialStatus: fc.option(fc.constantFrom('REVOKED', 'SUSPENDED', 'EXPIRED'), { nil: null }),
    raisedBy: fc.constantFrom('e-1', 'e-2'),
  })
  .map((data) => ({ type: 'RaiseAlert' as const, data }));
const command: fc.Arbitrary<AlertCommand> = fc.oneof(
  raise,
  fc.record({ alertId: fc.constant('al-1'), count, lastSeenAt: seenAt }).map((data) => ({ type: 'RecordRepeat' as const, data })),
  fc
    .record({ acknowledgedBy: fc.constantFrom('user:responder', 'user:other'), now: fc.date({ min: new Date('2026-01-01T00:00:00.000Z'), max: new Date('2027-01-01T00:00:00.000Z'), noInvalidDate: true }) })
    .map((data) => ({ type: 'AcknowledgeAlert' as const, data })),
);
const commands = fc.array(command, { minLength: 1, maxLength: 20 });

const { decideChecked, replay } = checkedDecider(alertDecider);

describe('alerts, over random sequences of commands', () => {
  it('for any sequence of commands, decide returns events or refuses with a DomainError, never anything else, leaves the state and command it was given unchanged, and answers the same twice', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        replay(sequence);
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, the count never goes down, the last sighting never moves back, and an acknowledged alert stays acknowledged', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { before, after } of replay(sequence)) {
          if (before.status === 'none' || after.status === 'none') continue;
          expect(after.count).toBeGreaterThanOrEqual(before.count);
          expect(after.lastSeenAt >= before.lastSeenAt).toBe(true);
          if (before.isAcknowledged) expect(after.isAcknowledged).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, an alert is raised once and acknowledged once at most, and a repeat is written only for a higher count', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const steps = replay(sequence);
        const events = eventsOf(steps);
        expect(events.filter((event) => event.type === 'AlertRaised').length).toBeLessThanOrEqual(1);
        expect(events.filter((event) => event.type === 'AlertAcknowledged').length).toBeLessThanOrEqual(1);
        for (const { before, outcome } of steps) {
          if (outcome instanceof DomainError) continue;
          for (const event of outcome) if (event.type === 'AlertRepeated') expect(before.status === 'raised' && event.data.count > before.count).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, each command given again right away (a retry, another node) writes nothing the second time', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        for (const { command, outcome, after } of replay(sequence)) {
          if (!(outcome instanceof DomainError)) expect(decideChecked(command, after)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for any sequence of commands, the count is the highest total seen since the alert was raised', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const steps = replay(sequence);
        const raisedAt = steps.findIndex(({ after }) => after.status === 'raised');
        const last = steps[steps.length - 1].after;
        if (raisedAt < 0 || last.status !== 'raised') return;
        const totals = steps.slice(raisedAt).flatMap(({ command }) => (command.type === 'AcknowledgeAlert' ? [] : [command.data.count]));
        expect(last.count).toBe(Math.max(...totals));
      }),
      { numRuns: 200 },
    );
  });
});
