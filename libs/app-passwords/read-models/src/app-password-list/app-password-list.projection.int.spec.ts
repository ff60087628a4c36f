import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@keyward/shared/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '@keyward/shared/read-models';
import { appPasswordListProjection } from './app-password-list.projection';

const metadata = (occurredAt: string) => ({ tenantId: 't-1', actor: 'gateway:mail', occurredAt, correlationId: 'c', causationId: 'c' });
const generated = {
  id: 'g',
  streamId: 'appPassword-k1',
  revision: 0n,
  position: '0',
  type: 'AppPasswordGenerated',
  data: { appPasswordId: 'k1', userId: 'u1', tenantId: 't-1', label: 'Scanner', scopes: ['smtp'], expiresAt: null, secretHash: 'h' },
  metadata: metadata('2026-11-01T00:00:00.000Z'),
} as unknown as RecordedEvent;
const usage = (revision: number, type: string, data: object, occurredAt: string): RecordedEvent =>
  ({ id: `u-${revision}`, streamId: 'appPasswordUsage-k1', revision: BigInt(revision), position: `${revision + 1}`, type, data, metadata: metadata(occurredAt) }) as unknown as RecordedEvent;
const used = (revision: number, at: string) => usage(revision, 'AppPasswordUsed', { appPasswordId: 'k1', userId: 'u1', protocol: 'smtp', sourceIp: '192.0.2.9', client: null }, at);
const named = (revision: number, useRevision: number, usedAt: string, client: string) =>
  usage(revision, 'AppPasswordClientIdentified', { appPasswordId: 'k1', userId: 'u1', useRevision, usedAt, protocol: 'smtp', sourceIp: '192.0.2.9', client }, '2026-11-05T10:00:05.000Z');

const T0 = '2026-11-05T10:00:00.000Z';
const T1 = '2026-11-05T10:00:03.000Z';

describe('the app password list: the client of the last use', () => {
  let dir: string;
  let db: ReadModelDatabase;
  const row = () => db.prepare('SELECT last_used_at, last_used_client, use_count FROM app_password_list').get();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-list-'));
    db = openReadModelDatabase(dir);
    appPasswordListProjection.migrate(db);
    appPasswordListProjection.apply(db, generated);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a use and the name reported for it in one batch, when applied, then the last use has that client and counts once', () => {
    appPasswordListProjection.applyBatch?.(db, [used(0, T0), named(1, 0, T0, 'scanner-3f')]);
    expect(row()).toEqual({ last_used_at: T0, last_used_client: 'scanner-3f', use_count: 1 });
  });

  it('given a use applied earlier, when its name arrives in a later batch, then the last use takes it; applied again, nothing changes', () => {
    appPasswordListProjection.apply(db, used(0, T0));
    appPasswordListProjection.apply(db, named(1, 0, T0, 'scanner-3f'));
    appPasswordListProjection.apply(db, named(1, 0, T0, 'replayed'));
    expect(row()).toEqual({ last_used_at: T0, last_used_client: 'scanner-3f', use_count: 1 });
  });

  it('given a newer use since, when an older use is named, then the last use keeps its own (empty) client', () => {
    appPasswordListProjection.applyBatch?.(db, [used(0, T0), used(1, T1)]);
    appPasswordListProjection.apply(db, named(2, 0, T0, 'scanner-3f'));
    expect(row()).toEqual({ last_used_at: T1, last_used_client: null, use_count: 2 });
  });

  it('given a newer use in the same batch as the naming of an older one, when applied, then the newer use is the last, unnamed', () => {
    appPasswordListProjection.applyBatch?.(db, [used(0, T0), named(1, 0, T0, 'scanner-3f'), used(2, T1)]);
    expect(row()).toEqual({ last_used_at: T1, last_used_client: null, use_count: 2 });
  });
});
