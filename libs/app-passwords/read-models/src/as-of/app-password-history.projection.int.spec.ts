import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { appPasswordHistoryProjection, SIGN_INS_PER_CHUNK } from './app-password-history.projection';
import { registerSignInFunctions, SIGN_INS_THEN } from './app-passwords-as-of.queries';
import { timeKey } from './sign-in-times';
import { protocolBit } from '../app-password-list/app-password-list.projection';

const START = Date.parse('2026-11-01T00:00:00.000Z');
let revision = 0;
const used = (appPasswordId: string, epochMs: number, protocol = 'imap'): RecordedEvent =>
  ({
    id: `u-${revision}`,
    streamId: `appPasswordUsage-${appPasswordId}`,
    revision: BigInt(revision++),
    position: `${revision}`,
    type: 'AppPasswordUsed',
    data: { appPasswordId, userId: 'u1', protocol, sourceIp: '192.0.2.1', client: null },
    metadata: { tenantId: 't-1', actor: 'gateway:test', occurredAt: new Date(epochMs).toISOString(), correlationId: 'c', causationId: 'c' },
  }) as unknown as RecordedEvent;

describe('sign-ins in the inventory history', () => {
  let dir: string;
  let db: ReadModelDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-history-'));
    db = openReadModelDatabase(dir);
    appPasswordHistoryProjection.migrate(db);
    registerSignInFunctions(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Last use, use count and protocols of one credential as of `epochMs`, by the query's own column SQL. */
  const asOf = (appPasswordId: string, epochMs: number) =>
    db
      .prepare(`SELECT ${SIGN_INS_THEN.last_used_at} AS lastUsedAt, ${SIGN_INS_THEN.use_count} AS useCount, ${SIGN_INS_THEN.protocols_used} AS protocols FROM (SELECT @id AS app_password_id) l`)
      .get({ id: appPasswordId, at: new Date(epochMs).toISOString(), atKey: timeKey(epochMs) });
  /** The same, counted from the list of times. */
  const expected = (times: number[], epochMs: number) => {
    const before = times.filter((time) => time <= epochMs);
    return { lastUsedAt: before.length ? new Date(Math.max(...before)).toISOString() : null, useCount: before.length };
  };

  it('given more sign-ins than a chunk holds, in batches, when asked at moments through them, then last use and count are exact', () => {
    // Every 7 minutes, a few in the same millisecond, in batches of 500: three chunks and a part.
    const times = Array.from({ length: 3 * SIGN_INS_PER_CHUNK + 123 }, (_, index) => START + Math.floor(index / 3) * 3 + index * 420_000);
    for (let start = 0; start < times.length; start += 500) appPasswordHistoryProjection.applyBatch?.(db, times.slice(start, start + 500).map((time) => used('k1', time)));
    expect(db.prepare('SELECT uses_before, uses FROM app_password_use_times ORDER BY first_at').all()).toEqual([
      { uses_before: 0, uses: SIGN_INS_PER_CHUNK },
      { uses_before: SIGN_INS_PER_CHUNK, uses: SIGN_INS_PER_CHUNK },
      { uses_before: 2 * SIGN_INS_PER_CHUNK, uses: SIGN_INS_PER_CHUNK },
      { uses_before: 3 * SIGN_INS_PER_CHUNK, uses: 123 },
    ]);
    const moments = [START - 1, times[0], times[1] + 1, times[SIGN_INS_PER_CHUNK - 1], times[SIGN_INS_PER_CHUNK], times[4_321] - 1, times[times.length - 1], times[times.length - 1] + 86_400_000];
    for (const moment of moments) expect(asOf('k1', moment)).toMatchObject(expected(times, moment));
    expect(asOf('k2', times[5])).toEqual({ lastUsedAt: null, useCount: 0, protocols: 0 });
  });

  it('given a sign-in older than those recorded (history brought in late), when it is applied, then the chunks are packed again in order', () => {
    const times = Array.from({ length: SIGN_INS_PER_CHUNK + 10 }, (_, index) => START + 3_600_000 + index * 60_000);
    appPasswordHistoryProjection.applyBatch?.(db, times.map((time) => used('k1', time)));
    const late = [START, START + 3_600_000 + 30_000, START + 3_600_000 + SIGN_INS_PER_CHUNK * 60_000 + 1];
    appPasswordHistoryProjection.applyBatch?.(db, late.map((time) => used('k1', time, 'smtp')));
    const all = [...times, ...late];
    expect(db.prepare('SELECT sum(uses) AS n, count(*) AS chunks FROM app_password_use_times').get()).toEqual({ n: all.length, chunks: 2 });
    for (const moment of [START - 1, START, START + 3_600_000 + 30_000, times[SIGN_INS_PER_CHUNK - 2], late[2], late[2] + 1]) expect(asOf('k1', moment)).toMatchObject(expected(all, moment));
  });

  it('given sign-ins over two protocols, when asked before and after the second was first used, then protocols show as they stood', () => {
    appPasswordHistoryProjection.applyBatch?.(db, [used('k1', START + 1_000, 'imap'), used('k1', START + 2_000, 'smtp')]);
    const bits = (epochMs: number) => (asOf('k1', epochMs) as { protocols: number }).protocols;
    expect([bits(START), bits(START + 1_000), bits(START + 2_000)]).toEqual([0, protocolBit('imap'), protocolBit('imap') | protocolBit('smtp')]);
  });
});
