import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@keyward/shared/event-store';
import { loadConfig } from '@keyward/shared/server';
import { openNote, parseCheckpoint } from '@keyward/shared/transparency';
import { DomainError } from '@keyward/shared/domain';
import { AuditLog } from './audit-log.service';
import { AuditKeys } from './audit-keys';
import { CHECKPOINT_SIGNED, checkpointStreamId } from './audit-log-writer';

// The service as Keyward runs it: a real store and log file, real keys on disk, real timers.
describe('the audit log service: signed checkpoints, keys and rotation', () => {
  let dir: string;
  let store: SqliteEventStore;
  let auditLog: AuditLog;

  const startLog = (env: Record<string, string> = {}) => {
    const config = loadConfig({ KEYWARD_DATA_DIR: dir, KEYWARD_CHECKPOINT_SECONDS: '0', ...env });
    auditLog = new AuditLog(config, store, { now: () => new Date() }, { newId: () => randomUUID() });
    auditLog.onApplicationBootstrap();
    return config;
  };
  const stopLog = async () => {
    await auditLog.beforeApplicationShutdown();
    auditLog.onApplicationShutdown();
  };
  const append = async (tenantId: string, count: number) => {
    for (let i = 0; i < count; i++) {
      await store.appendToStream(`user-${tenantId}-${randomUUID()}`, [
        { id: randomUUID(), type: 'UserCreated', data: { n: i }, metadata: { tenantId, actor: 'system:test', occurredAt: new Date().toISOString(), correlationId: 'c', causationId: 'c' } },
      ]);
    }
  };
  const recorded = async (tenantId: string) => (await store.readStream(checkpointStreamId(tenantId))).filter((event) => event.type === CHECKPOINT_SIGNED);
  const opened = (note: string, keys = auditLog.keys.published('t1').map((key) => key.verifierKey)) => parseCheckpoint(openNote(note, keys).text);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyward-audit-service-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 10 });
  });
  afterEach(async () => {
    await stopLog();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a grown log, when the checkpoint is asked for twice, then one note is signed, recorded once, and given both times', async () => {
    startLog();
    await append('t1', 5);
    const first = await auditLog.checkpoint('t1');
    const second = await auditLog.checkpoint('t1');
    expect(second.note).toBe(first.note);
    expect(opened(first.note).size).toBe(5);
    expect(await recorded('t1')).toHaveLength(1);
    // The record of the checkpoint is leaf 5: in the log, but no reason to sign again.
    expect(await auditLog.size('t1')).toBe(6);
    expect((await auditLog.checkpoint('t1')).note).toBe(first.note);
  });

  it('given a log of 8, when a checkpoint of size 3 is asked for, then it is signed for exactly 3 (and recorded, as leaf 8); beyond the log is bad input', async () => {
    startLog();
    await append('t1', 8);
    expect(opened((await auditLog.checkpoint('t1', 3)).note).size).toBe(3);
    await expect(auditLog.checkpoint('t1', 100)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(auditLog.checkpoint('t1', 100)).rejects.toBeInstanceOf(DomainError);
  });

  it('given KEYWARD_CHECKPOINT_SECONDS, when the log grows, then it is signed by itself once, and not again for its own record', async () => {
    startLog({ KEYWARD_CHECKPOINT_SECONDS: '1' });
    await append('t1', 3);
    await auditLog.settled();
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await recorded('t1')).toHaveLength(1);
  });

  it('given a tenant key, then the key file is readable by its owner only; when rotated, old notes verify with the retired key and new ones with the new key', async () => {
    const config = startLog();
    await append('t1', 2);
    const before = await auditLog.checkpoint('t1');
    expect(statSync(config.auditLog.keyFile).mode & 0o777).toBe(0o600);
    const oldKey = auditLog.keys.published('t1')[0].verifierKey;
    const rotated = new AuditKeys(config.auditLog.keyFile).rotate('t1');
    expect(rotated.retired).toBe(oldKey);
    await append('t1', 1);
    const after = await auditLog.checkpoint('t1');
    expect(opened(before.note, [oldKey]).size).toBe(2);
    expect(opened(after.note, [rotated.verifierKey]).size).toBe(4);
    expect(() => opened(after.note, [oldKey])).toThrow();
    expect(auditLog.keys.published('t1').map((key) => key.retiredAt !== null)).toEqual([true, false]);
  });

  it('given two tenants, then each log is signed with its own key and origin', async () => {
    startLog();
    await append('t1', 2);
    await append('t2', 3);
    const one = await auditLog.checkpoint('t1');
    const two = await auditLog.checkpoint('t2');
    expect(opened(two.note, auditLog.keys.published('t2').map((key) => key.verifierKey)).origin).toBe('keyward/audit-log/t2');
    expect(() => opened(two.note, auditLog.keys.published('t1').map((key) => key.verifierKey))).toThrow();
    expect(opened(one.note).origin).toBe('keyward/audit-log/t1');
  });
});
