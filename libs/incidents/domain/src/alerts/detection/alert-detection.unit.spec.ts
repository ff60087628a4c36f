import { alertDecider, type Alert, type AlertCommand } from '../alert';
import type { AlertEvent } from '../alert.events';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings';
import { detectAlerts, detectInBatch, type AlertWrite } from './alert-detection';
import { MapDetectorMemory, watermarkOf } from './detector-memory';
import { observationOf, observationsOf, SUMMARIZED_ATTEMPTS_SEEN, type SignInEventRecord } from './sign-in-observation';
import { HOUR, MINUTE, SECOND, T0, iso } from './testing/sign-ins';

let serial = 0;
const metadata = (at: number, sourceIp: string | null) => ({
  tenantId: 't-1',
  actor: 'gateway:nginx' as const,
  occurredAt: iso(at),
  correlationId: 'c',
  causationId: 'c',
  protocol: 'imap',
  ...(sourceIp ? { sourceIp } : {}),
});
const failed = (userPrincipalName: string, at: number, sourceIp: string | null = '203.0.113.9'): SignInEventRecord => ({
  id: `ev-${++serial}`,
  type: 'SignInFailed',
  data: { userPrincipalName, reason: 'UNKNOWN_USER', protocol: 'imap', sourceIp, client: null },
  metadata: metadata(at, sourceIp),
});
const usedEvent = (appPasswordId: string, at: number, sourceIp: string): SignInEventRecord => ({
  id: `ev-${++serial}`,
  type: 'AppPasswordUsed',
  data: { appPasswordId, userId: 'u-1', protocol: 'imap', sourceIp, client: null },
  metadata: metadata(at, sourceIp),
});
const revokedUse = (at: number): SignInEventRecord => ({
  id: `ev-${++serial}`,
  type: 'AppPasswordRejected',
  data: { appPasswordId: 'ap-9', userId: 'u-1', reason: 'REVOKED', protocol: 'imap', sourceIp: '198.51.100.3', client: null },
  metadata: metadata(at, '198.51.100.3'),
});

/** An attack and ordinary traffic: a burst on bob, a spray, a revoked credential in use, a new network. */
function traffic(): SignInEventRecord[] {
  const events: SignInEventRecord[] = [usedEvent('ap-1', T0, '192.0.2.10')];
  for (let i = 0; i < 30; i++) events.push(failed('bob@contoso.example', T0 + HOUR + i * SECOND, `198.51.100.${i}`));
  for (let i = 0; i < 14; i++) events.push(failed(`user${i}@contoso.example`, T0 + 2 * HOUR + i * SECOND));
  for (let i = 0; i < 5; i++) events.push(revokedUse(T0 + 3 * HOUR + i * MINUTE));
  events.push(usedEvent('ap-1', T0 + 30 * HOUR, '192.0.2.11'), usedEvent('ap-1', T0 + 30 * HOUR + 1, '203.0.113.80'), usedEvent('ap-1', T0 + 31 * HOUR, '203.0.113.81'));
  return events;
}

/** Applies writes as the reaction does through the store: one stream per alert, decided on its state. */
function applyTo(streams: Map<string, { state: Alert; events: AlertEvent[] }>, writes: AlertWrite[]): void {
  for (const { command } of writes) {
    const id = command.data.alertId;
    const stream = streams.get(id) ?? { state: alertDecider.initialState(), events: [] };
    const events = alertDecider.decide(command as AlertCommand, stream.state);
    streams.set(id, { state: events.reduce(alertDecider.evolve, stream.state), events: [...stream.events, ...events] });
  }
}

function run(batches: SignInEventRecord[][], memory = new MapDetectorMemory(), streams = new Map<string, { state: Alert; events: AlertEvent[] }>()) {
  for (const batch of batches) applyTo(streams, detectInBatch(memory, batch, DEFAULT_ALERT_SETTINGS));
  return { memory, streams };
}

const totals = (streams: Map<string, { state: Alert }>) =>
  Object.fromEntries([...streams].map(([id, { state }]) => [id, state.status === 'raised' ? { kind: state.kind, count: state.count, lastSeenAt: state.lastSeenAt } : null]));

describe('alert detection over the event log', () => {
  it('raises each kind once, with totals, from one batch', () => {
    const { streams } = run([traffic()]);
    const kinds = [...streams.values()].map(({ state }) => (state.status === 'raised' ? `${state.kind} ${state.count}` : '')).sort();
    // Fourteen failures from the sprayer's address are a spray, not yet a burst (20).
    expect(kinds).toEqual(['FAILURE_BURST 30', 'NEW_SOURCE_ADDRESS 2', 'PASSWORD_SPRAY 14', 'REVOKED_CREDENTIAL_USED 5']);
    // One event per alert: the findings of a batch are folded into one raise each.
    expect([...streams.values()].every(({ events }) => events.length === 1)).toBe(true);
  });

  it('comes to the same totals whatever the batches', () => {
    const events = traffic();
    const single = totals(run(events.map((event) => [event])).streams);
    const whole = totals(run([events]).streams);
    const uneven = totals(run([events.slice(0, 7), events.slice(7, 40), events.slice(40)]).streams);
    expect(single).toEqual(whole);
    expect(uneven).toEqual(whole);
  });

  it('writes nothing new when the events are handed over again after a crash (memory as committed before them)', () => {
    const events = traffic();
    const before = new MapDetectorMemory();
    const { streams } = run([events.slice(0, 20)], before);
    const committed = new MapDetectorMemory();
    for (const [key, entry] of before.entries) committed.set(key, entry.value, entry.expiresAt);
    run([events.slice(20)], before, streams);
    const written = [...streams.values()].reduce((sum, { events: e }) => sum + e.length, 0);
    // The second batch again, on the memory as it was committed before it: the same decisions, nothing new.
    run([events.slice(20)], committed, streams);
    expect([...streams.values()].reduce((sum, { events: e }) => sum + e.length, 0)).toBe(written);
  });

  it('decides the same when a replay starts from nothing (a new node, or a rebuilt one)', () => {
    const events = traffic();
    const first = run([events]);
    const replayed = run([events], new MapDetectorMemory(), first.streams);
    expect([...replayed.streams.values()].every(({ events: e }) => e.length === 1)).toBe(true);
  });

  it('decides the same whether or not expired memory was dropped on the way', () => {
    const events = traffic();
    const kept = run(events.map((event) => [event])).streams;
    const memory = new MapDetectorMemory();
    const streams = new Map<string, { state: Alert; events: AlertEvent[] }>();
    for (const event of events) {
      run([[event]], memory, streams);
      memory.expire(watermarkOf(memory));
    }
    expect(totals(streams)).toEqual(totals(kept));
  });

  it('decides the same however a log far out of time order (a bulk import) is batched and its memory dropped', () => {
    const shuffled = traffic()
      .map((event, i) => ({ event, order: (i * 7919) % 53 }))
      .sort((a, b) => a.order - b.order)
      .map(({ event }) => event);
    const whole = totals(run([shuffled]).streams);
    expect(Object.keys(whole).length).toBeGreaterThan(0);
    const memory = new MapDetectorMemory();
    const streams = new Map<string, { state: Alert; events: AlertEvent[] }>();
    for (let i = 0; i < shuffled.length; i += 3) {
      run([shuffled.slice(i, i + 3)], memory, streams);
      memory.expire(watermarkOf(memory));
    }
    expect(totals(streams)).toEqual(whole);
  });

  it('ignores events that are not sign-ins', () => {
    const other = { ...usedEvent('ap-1', T0, '192.0.2.1'), type: 'AppPasswordRevoked', data: { appPasswordId: 'ap-1', reason: 'x', incidentRef: null } };
    expect(observationOf(other)).toBeNull();
    expect(detectAlerts(new MapDetectorMemory(), other, DEFAULT_ALERT_SETTINGS)).toEqual([]);
  });

  it('reads the account of a failed attempt from the name tried, the address from data or metadata', () => {
    const observation = observationOf({ ...failed('Bob@Contoso.example', T0, null), metadata: { ...metadata(T0, '203.0.113.5') } });
    expect(observation).toMatchObject({ outcome: 'FAILED', userPrincipalName: 'Bob@Contoso.example', sourceIp: '203.0.113.5', at: T0 });
    expect(observation?.userId).toBe(observationOf(failed('bob@contoso.example', T0))?.userId);
  });

  describe('a summary of failures of made-up names (SignInFailuresSummarized)', () => {
    const summary = (failures: { userPrincipalName: string; sourceIp: string; count: number; at: number }[]): SignInEventRecord => ({
      id: `ev-${++serial}`,
      type: 'SignInFailuresSummarized',
      data: {
        reason: 'UNKNOWN_USER',
        from: iso(failures[0].at),
        to: iso(failures[failures.length - 1].at),
        attempts: failures.reduce((sum, failure) => sum + failure.count, 0),
        omitted: 0,
        failures: failures.map(({ userPrincipalName, sourceIp, count, at }) => ({ userPrincipalName, sourceIp, count, protocol: 'imap', client: null, firstAt: iso(at), lastAt: iso(at + count * SECOND) })),
      },
      metadata: { tenantId: 't-1', actor: 'gateway:nginx', occurredAt: iso(T0 + HOUR), correlationId: 'c', causationId: 'c' },
    });

    it('given a summary of fourteen names tried from one address, when detected, then it raises the spray that fourteen single failures raise', () => {
      // given
      const names = Array.from({ length: 14 }, (_, i) => ({ userPrincipalName: `user${i}@contoso.example`, sourceIp: '203.0.113.9', count: 1, at: T0 + i * SECOND }));
      // when
      const fromSummary = run([[summary(names)]]).streams;
      const fromSingles = run([names.map((name) => failed(name.userPrincipalName, name.at))]).streams;
      // then
      const kinds = (streams: typeof fromSummary) => [...streams.values()].map(({ state }) => (state.status === 'none' ? null : [state.kind, state.count]));
      expect(kinds(fromSummary)).toEqual([['PASSWORD_SPRAY', 14]]);
      expect(kinds(fromSummary)).toEqual(kinds(fromSingles));
    });

    it('sees at most SUMMARIZED_ATTEMPTS_SEEN attempts of each listed failure', () => {
      const event = summary([{ userPrincipalName: 'bob@contoso.example', sourceIp: '203.0.113.9', count: 10_000, at: T0 }]);
      expect(observationsOf(event)).toHaveLength(SUMMARIZED_ATTEMPTS_SEEN);
      expect(observationsOf(event).map((observation) => observation.at)).toEqual([T0, ...Array(SUMMARIZED_ATTEMPTS_SEEN - 1).fill(T0 + 10_000 * SECOND)]);
    });
  });
});
