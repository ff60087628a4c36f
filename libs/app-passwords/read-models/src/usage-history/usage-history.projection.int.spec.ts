import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { usageHistoryProjection } from './usage-history.projection';

const metadata = (occurredAt: string) => ({ tenantId: 't-1', actor: 'gateway:test', occurredAt, correlationId: 'c', causationId: 'c' });
const used = (revision: number, occurredAt: string, sourceIp: string): RecordedEvent =>
  ({
    id: `u-${revision}`,
    streamId: 'appPasswordUsage-k1',
    revision: BigInt(revision),
    position: `${revision}`,
    type: 'AppPasswordUsed',
    data: { appPasswordId: 'k1', userId: 'u1', protocol: 'imap', sourceIp, client: null },
    metadata: metadata(occurredAt),
  }) as unknown as RecordedEvent;

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

  it('given uses from two addresses, when they are applied twice, then every count is as if applied once', () => {
    const events = [used(0, '2026-11-01T10:00:00.000Z', '192.0.2.1'), used(1, '2026-11-02T10:00:00.000Z', '192.0.2.2'), used(2, '2026-11-03T10:00:00.000Z', '192.0.2.1')];
    for (const event of [...events, ...events]) usageHistoryProjection.apply(db, event);

    expect(db.prepare('SELECT count(*) AS n FROM usage_history').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT sum(count) AS n FROM usage_hourly').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT source_ip, first_seen, last_seen, uses FROM usage_addresses ORDER BY source_ip').all()).toEqual([
      { source_ip: '192.0.2.1', first_seen: '2026-11-01T10:00:00.000Z', last_seen: '2026-11-03T10:00:00.000Z', uses: 2 },
      { source_ip: '192.0.2.2', first_seen: '2026-11-02T10:00:00.000Z', last_seen: '2026-11-02T10:00:00.000Z', uses: 1 },
    ]);
  });
});
