import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { usageHistoryProjection } from './usage-history.projection';

const metadata = (occurredAt: string) => ({ tenantId: 't-1', actor: 'gateway:test', occurredAt, correlationId: 'c', causationId: 'c' });
const attempt = (revision: number, occurredAt: string, sourceIp: string, reason?: string): RecordedEvent =>
  ({
    id: `u-${revision}`,
    streamId: 'appPasswordUsage-k1',
    revision: BigInt(revision),
    position: `${revision}`,
    type: reason ? 'AppPasswordRejected' : 'AppPasswordUsed',
    data: { appPasswordId: 'k1', userId: 'u1', protocol: 'imap', sourceIp, client: null, ...(reason ? { reason } : {}) },
    metadata: metadata(occurredAt),
  }) as unknown as RecordedEvent;
const used = (revision: number, occurredAt: string, sourceIp: string) => attempt(revision, occurredAt, sourceIp);

describe('the usage history projection', () => {
  let dir: string;
  let db: ReadModelDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-usage-'));
    db = openReadModelDatabase(dir);
    usageHistoryProjection.migrate(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given uses from two addresses on three days, when they are applied one by one, then each day and address counts them', () => {
    const events = [used(0, '2026-11-01T10:00:00.000Z', '192.0.2.1'), used(1, '2026-11-02T10:00:00.000Z', '192.0.2.2'), used(2, '2026-11-03T10:00:00.000Z', '192.0.2.1')];
    for (const event of events) usageHistoryProjection.apply(db, event);
    expect(db.prepare('SELECT sum(count) AS n FROM usage_tenant_daily').get()).toEqual({ n: 3 });
    const [november] = db.prepare('SELECT month, uses, days FROM usage_monthly').all() as { month: string; uses: number; days: string }[];
    expect(november).toMatchObject({ month: '2026-11', uses: 3 });
    expect(JSON.parse(november.days).slice(0, 4)).toEqual([[1, 0, 0], [1, 0, 1], [1, 0, 2], [0, 0, -1]]);
    expect(db.prepare('SELECT source_ip, first_seen, last_seen, uses FROM usage_addresses ORDER BY source_ip').all()).toEqual([
      { source_ip: '192.0.2.1', first_seen: '2026-11-01T10:00:00.000Z', last_seen: '2026-11-03T10:00:00.000Z', uses: 2 },
      { source_ip: '192.0.2.2', first_seen: '2026-11-02T10:00:00.000Z', last_seen: '2026-11-02T10:00:00.000Z', uses: 1 },
    ]);
  });

  it('given a batch of uses and a rejection on one day, when it is applied at once, then each row is written as the events one by one would', () => {
    const events = [used(0, '2026-11-05T08:00:00.000Z', '192.0.2.9'), attempt(1, '2026-11-05T09:00:00.000Z', '192.0.2.9', 'WRONG_SECRET'), used(2, '2026-11-05T10:00:00.000Z', '192.0.2.9')];
    usageHistoryProjection.applyBatch?.(db, events);
    const [row] = db.prepare('SELECT uses, rejections, days FROM usage_monthly').all() as { uses: number; rejections: number; days: string }[];
    expect(row).toMatchObject({ uses: 2, rejections: 1 });
    expect(JSON.parse(row.days)[4]).toEqual([2, 1, 2]);
    expect(db.prepare('SELECT first_seen, last_seen, uses, rejections FROM usage_addresses').all()).toEqual([
      { first_seen: '2026-11-05T08:00:00.000Z', last_seen: '2026-11-05T10:00:00.000Z', uses: 2, rejections: 1 },
    ]);
    expect(db.prepare('SELECT revision, reason FROM usage_rejections').all()).toEqual([{ revision: 1, reason: 'WRONG_SECRET' }]);
    expect(db.prepare('SELECT outcome, detail, count FROM usage_tenant_daily ORDER BY outcome').all()).toEqual([
      { outcome: 'REJECTED', detail: 'WRONG_SECRET', count: 1 },
      { outcome: 'USED', detail: 'imap', count: 2 },
    ]);
  });

  it('given a use, when its client is named after it, then the name is kept by the use and nothing is counted twice', () => {
    const named = {
      ...used(4, '2026-11-05T10:00:01.000Z', '192.0.2.9'),
      revision: 5n,
      type: 'AppPasswordClientIdentified',
      data: { appPasswordId: 'k1', userId: 'u1', useRevision: 4, usedAt: '2026-11-05T10:00:00.000Z', protocol: 'smtp', sourceIp: '192.0.2.9', client: 'scanner-3f.contoso.example' },
    } as RecordedEvent;
    usageHistoryProjection.applyBatch?.(db, [used(4, '2026-11-05T10:00:00.000Z', '192.0.2.9'), named]);
    expect(db.prepare('SELECT stream, revision, client FROM usage_client_names').all()).toEqual([{ stream: 'appPasswordUsage-k1', revision: 4, client: 'scanner-3f.contoso.example' }]);
    expect(db.prepare('SELECT uses, rejections FROM usage_monthly').get()).toEqual({ uses: 1, rejections: 0 });
    expect(db.prepare('SELECT uses FROM usage_addresses').get()).toEqual({ uses: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM usage_rejections').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT sum(count) AS n FROM usage_tenant_daily').get()).toEqual({ n: 1 });
  });

  it('given a summary of failures of made-up names, when applied, then the days count every attempt and one rejection row holds them, with no credential touched', () => {
    const summary = {
      id: 's-1',
      streamId: 'signInFailures-t-1',
      revision: 7n,
      position: '7',
      type: 'SignInFailuresSummarized',
      data: {
        reason: 'UNKNOWN_USER',
        from: '2026-11-05T23:59:30.000Z',
        to: '2026-11-06T00:00:20.000Z',
        attempts: 1_205,
        omitted: 5,
        failures: [
          { userPrincipalName: 'ghost@contoso.example', protocol: 'imap', sourceIp: '198.51.100.9', client: null, count: 1_000, firstAt: '2026-11-05T23:59:30.000Z', lastAt: '2026-11-06T00:00:20.000Z' },
          { userPrincipalName: 'wraith@contoso.example', protocol: 'smtp', sourceIp: '198.51.100.9', client: null, count: 200, firstAt: '2026-11-06T00:00:01.000Z', lastAt: '2026-11-06T00:00:10.000Z' },
        ],
      },
      metadata: metadata('2026-11-06T00:00:35.000Z'),
    } as unknown as RecordedEvent;
    usageHistoryProjection.applyBatch?.(db, [summary]);
    expect(db.prepare('SELECT day, outcome, detail, count FROM usage_tenant_daily ORDER BY day').all()).toEqual([
      { day: '2026-11-05', outcome: 'REJECTED', detail: 'UNKNOWN_USER', count: 1_005 },
      { day: '2026-11-06', outcome: 'REJECTED', detail: 'UNKNOWN_USER', count: 200 },
    ]);
    expect(db.prepare('SELECT stream, revision, reason, user_principal_name, attempts FROM usage_rejections').all()).toEqual([
      { stream: 'signInFailures-t-1', revision: 7, reason: 'UNKNOWN_USER', user_principal_name: null, attempts: 1_205 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM usage_monthly').get()).toEqual({ n: 0 });
  });
});
