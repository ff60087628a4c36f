import type { AppPasswordUsed } from '../app-password/app-password.events';
import { CLIENT_IDENTIFICATION_WINDOW_MS, identifyClient, type ClientReport, type UsageRecord, type UsageTail } from './client-identification';

const NOW = new Date('2026-12-06T10:00:00.000Z');
const report: ClientReport = { userId: 'u-1', protocol: 'smtp', sourceIp: '192.0.2.10', actor: 'gateway:mail', client: 'scanner-3f.contoso.com', now: NOW };

function use(revision: number, secondsAgo: number, change: Partial<AppPasswordUsed['data']> = {}, actor: UsageRecord['metadata']['actor'] = 'gateway:mail'): UsageRecord {
  return {
    type: 'AppPasswordUsed',
    data: { appPasswordId: 'ap-1', userId: 'u-1', protocol: 'smtp', sourceIp: '192.0.2.10', client: null, ...change },
    revision: BigInt(revision),
    metadata: { actor, occurredAt: new Date(NOW.getTime() - secondsAgo * 1000).toISOString() },
  };
}

function named(revision: number, useRevision: number): UsageRecord {
  return {
    type: 'AppPasswordClientIdentified',
    data: { appPasswordId: 'ap-1', userId: 'u-1', useRevision, usedAt: NOW.toISOString(), protocol: 'smtp', sourceIp: '192.0.2.10', client: 'earlier' },
    revision: BigInt(revision),
    metadata: { actor: 'gateway:mail', occurredAt: NOW.toISOString() },
  };
}

/** Events are listed newest first, as a usage stream is read backwards. */
const tail = (appPasswordId: string, ...events: UsageRecord[]): UsageTail => ({ appPasswordId, events });

describe('naming the client of a sign-in after the fact', () => {
  it('given a use by the same gateway, from the same address, moments ago, when the session reports its EHLO, then that use is named', () => {
    const decision = identifyClient(report, [tail('ap-1', use(7, 2))]);
    expect(decision).toEqual({
      appPasswordId: 'ap-1',
      expectedRevision: 7n,
      event: {
        type: 'AppPasswordClientIdentified',
        data: {
          appPasswordId: 'ap-1',
          userId: 'u-1',
          useRevision: 7,
          usedAt: '2026-12-06T09:59:58.000Z',
          protocol: 'smtp',
          sourceIp: '192.0.2.10',
          client: 'scanner-3f.contoso.com',
        },
      },
    });
  });

  it('given several unnamed uses, when a report comes, then the newest is named, across the user\'s credentials', () => {
    const decision = identifyClient(report, [tail('ap-1', use(4, 30), use(3, 60)), tail('ap-2', use(9, 5, { appPasswordId: 'ap-2' }))]);
    expect(decision?.appPasswordId).toBe('ap-2');
    expect(decision?.event.data.useRevision).toBe(9);
    expect(decision?.expectedRevision).toBe(9n);
  });

  it('given the newest use is named already, when a second message of the session reports, then nothing is named: not that use twice, nor an older one by guess', () => {
    expect(identifyClient(report, [tail('ap-1', named(5, 4), use(4, 10), use(3, 20))])).toBeNull();
    expect(identifyClient(report, [tail('ap-1', named(5, 4), use(4, 10)), tail('ap-2', use(9, 60, { appPasswordId: 'ap-2' }))])).toBeNull();
  });

  it('given the newest use was named and a new session signed in since, when it reports, then the new use is named', () => {
    const decision = identifyClient(report, [tail('ap-1', use(6, 1), named(5, 4), use(4, 10))]);
    expect(decision?.event.data.useRevision).toBe(6);
    expect(decision?.expectedRevision).toBe(6n);
  });

  it.each([
    ['another gateway recorded it', use(1, 2, {}, 'gateway:other')],
    ['another protocol', use(1, 2, { protocol: 'imap' })],
    ['another address', use(1, 2, { sourceIp: '192.0.2.11' })],
    ['the client named itself at sign-in (IMAP ID)', use(1, 2, { client: 'Thunderbird' })],
    ['another user\'s use', use(1, 2, { userId: 'u-2' })],
    ['it is older than the window', use(1, CLIENT_IDENTIFICATION_WINDOW_MS / 1000 + 1)],
  ])('given only a use where %s, when the session reports, then nothing is named', (_, record) => {
    expect(identifyClient(report, [tail('ap-1', record)])).toBeNull();
  });

  it('given a rejection, when the session reports, then it is not named: only uses carry a session', () => {
    const rejection: UsageRecord = { ...use(1, 2), type: 'AppPasswordRejected', data: { ...use(1, 2).data, reason: 'WRONG_SECRET' } } as UsageRecord;
    expect(identifyClient(report, [tail('ap-1', rejection)])).toBeNull();
  });

  it('given no usage at all, when a report comes, then nothing is named', () => {
    expect(identifyClient(report, [tail('ap-1')])).toBeNull();
    expect(identifyClient(report, [])).toBeNull();
  });
});
